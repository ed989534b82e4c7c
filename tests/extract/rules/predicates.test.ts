import { describe, expect, it } from "vitest";
import { describeDoc, entity, extractText, has } from "../helpers.ts";

/**
 * Who did what to whom, read from the parse: one test per construction, on sentences written for these tests.
 * Where a test says a relation must not be there, it first checks that the entities involved were found.
 */
describe("verbal predicates", () => {
  it("reads subject and object of an active verb, and of a phrasal verb", async () => {
    const doc = await extractText("Norway proposed a maritime ceasefire on Monday. Denmark turned the maritime ceasefire down a day later.");
    expect(has(doc, "Norway", "PROPOSED", "maritime ceasefire"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Denmark", "REJECTED", "maritime ceasefire"), describeDoc(doc)).toBe(true);
  });

  it("reads the agent of a passive from its by-phrase, words in between or not", async () => {
    const doc = await extractText("A fisheries levy was floated at the weekend by Iceland. The levy was then waved away by Canada.");
    expect(has(doc, "Iceland", "PROPOSED", "fisheries levy"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Canada", "REJECTED", "levy"), describeDoc(doc)).toBe(true);
  });

  it("gives each coordinated subject and object its own relation", async () => {
    const doc = await extractText("Chile and Peru rejected the copper export tax and the mining royalty.");
    for (const who of ["Chile", "Peru"]) {
      expect(has(doc, who, "REJECTED", "copper export tax"), describeDoc(doc)).toBe(true);
      expect(has(doc, who, "REJECTED", "mining royalty"), describeDoc(doc)).toBe(true);
    }
  });

  it("reads the theme of verbs with a preposition ('called for', 'objected to')", async () => {
    const doc = await extractText("Ghana called for a regional grain reserve. Nigeria objected to the grain reserve.");
    expect(has(doc, "Ghana", "PROPOSED", "regional grain reserve"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Nigeria", "OPPOSED", "grain reserve"), describeDoc(doc)).toBe(true);
  });

  it("reads a relative clause's subject from its antecedent", async () => {
    const doc = await extractText("Switzerland, which hosted the Geneva round, backed a humanitarian corridor for Sudan.");
    expect(has(doc, "Switzerland", "SUPPORTED", "humanitarian corridor"), describeDoc(doc)).toBe(true);
  });

  it("takes an infinitive's subject from its controller ('offered to host talks')", async () => {
    const doc = await extractText("Oman offered to host direct talks between Iran and Saudi Arabia.");
    expect(has(doc, "Oman", "OFFERED", "direct talks"), describeDoc(doc)).toBe(true);
    // Offering to host is not hosting.
    expect(entity(doc, "Oman")).toBeDefined();
    expect(has(doc, "Oman", "HOSTED", "*"), describeDoc(doc)).toBe(false);
  });

  it("makes 'refused to back' a rejection of what would have been backed", async () => {
    const doc = await extractText("Slovakia refused to back the joint arms purchase.");
    expect(has(doc, "Slovakia", "REJECTED", "joint arms purchase"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Slovakia", "SUPPORTED", "*"), describeDoc(doc)).toBe(false);
  });

  it("reads 'urged X to' as pressing X", async () => {
    const doc = await extractText("Japan urged Vietnam and Malaysia to sign the fishing accord.");
    expect(has(doc, "Japan", "URGED", "Vietnam"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Japan", "URGED", "Malaysia"), describeDoc(doc)).toBe(true);
  });
});

describe("nominal predicates and light verbs", () => {
  it("reads possessor and of-phrase of a nominalisation ('X's rejection of the plan')", async () => {
    const doc = await extractText("Poland's rejection of the migration pact surprised Brussels.");
    expect(has(doc, "Poland", "REJECTED", "migration pact"), describeDoc(doc)).toBe(true);
  });

  it("reads a demonym on a proposal noun as its proposer ('a Kenyan proposal for a truce')", async () => {
    const doc = await extractText("Diplomats discussed a Kenyan proposal for a two-week truce in Juba.");
    expect(has(doc, "Kenya", "PROPOSED", "two-week truce"), describeDoc(doc)).toBe(true);
  });

  it("reads 'the offer made by X'", async () => {
    const doc = await extractText("The offer made by Qatar of free fuel deliveries to Lebanon went unanswered.");
    expect(has(doc, "Qatar", "OFFERED", "fuel deliveries"), describeDoc(doc)).toBe(true);
  });

  it("hands a light verb's subject to its noun ('voiced support for', 'signalled acceptance of')", async () => {
    const doc = await extractText("Austria voiced support for a border monitoring scheme. Acceptance of the monitoring scheme was signalled by Croatia.");
    expect(has(doc, "Austria", "SUPPORTED", "border monitoring scheme"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Croatia", "SUPPORTED", "monitoring scheme"), describeDoc(doc)).toBe(true);
  });

  it("reads 'won backing from X' as X backing the subject", async () => {
    const doc = await extractText("Belgium tabled a carbon border levy. The Belgian plan won quick backing from Luxembourg.");
    expect(has(doc, "Luxembourg", "SUPPORTED", "carbon border levy"), describeDoc(doc)).toBe(true);
  });

  it("reads predicative adjectives ('stands ready to', 'remains open to')", async () => {
    const doc = await extractText("Indonesia stands ready to send engineers to rebuild the port. Brazil remains open to joining a naval patrol off Haiti.");
    expect(has(doc, "Indonesia", "OFFERED", "*"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Brazil", "OFFERED", "naval patrol"), describeDoc(doc)).toBe(true);
  });
});

describe("commitments and contributions", () => {
  it("reads 'will send' as an offer of what is sent", async () => {
    const doc = await extractText("Sweden will send two field hospitals to Gaza next month.");
    expect(has(doc, "Sweden", "OFFERED", "field hospitals"), describeDoc(doc)).toBe(true);
  });

  it("credits a contribution of ships or troops to the mission under discussion", async () => {
    const doc = await extractText(
      "Spain proposed a naval escort mission in the Gulf of Guinea. Portugal pledged a frigate, and Morocco will contribute two patrol boats.",
    );
    expect(has(doc, "Portugal", "OFFERED", "naval escort mission"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Morocco", "OFFERED", "naval escort mission"), describeDoc(doc)).toBe(true);
  });

  it("does not make a promise out of a description of a proposal", async () => {
    const doc = await extractText("Egypt tabled a 10-day truce during which Hamas would release six hostages.");
    expect(entity(doc, "Hamas")).toBeDefined();
    expect(has(doc, "Hamas", "OFFERED", "*"), describeDoc(doc)).toBe(false);
  });
});

describe("reported speech", () => {
  it("credits an office holder who reports his own country's act", async () => {
    const doc = await extractText("Foreign Minister Ana Duarte of Portugal said Lisbon would veto the fishing quota.");
    expect(has(doc, "Portugal", "REJECTED", "fishing quota"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Ana Duarte", "REJECTED", "fishing quota"), describeDoc(doc)).toBe(true);
  });

  it("does not credit a speaker who reports another country's act", async () => {
    const doc = await extractText("Norwegian Foreign Minister Espen Barth Eide said Iceland would veto the whaling ban.");
    expect(entity(doc, "Espen Barth Eide", "Person")).toBeDefined();
    expect(has(doc, "Iceland", "REJECTED", "whaling ban"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Espen Barth Eide", "REJECTED", "*"), describeDoc(doc)).toBe(false);
  });
});

describe("arguments found beyond the verb's own subject and object", () => {
  it("takes the subject of the clause for an infinitive whose controller is no actor", async () => {
    const doc = await extractText("Chile used the summit to propose a regional lithium fund.");
    expect(has(doc, "Chile", "PROPOSED", "lithium fund"), describeDoc(doc)).toBe(true);
  });

  it("credits a capital's government with a reaction there when no one is named", async () => {
    const doc = await extractText("Poland proposed a joint air policing mission. The plan was welcomed in Vilnius but rejected in Budapest.");
    expect(has(doc, "Lithuania", "SUPPORTED", "air policing mission"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Hungary", "REJECTED", "air policing mission"), describeDoc(doc)).toBe(true);
  });

  it("gives the second of two participles the noun the first one modifies", async () => {
    const doc = await extractText("Ministers discussed a ceasefire plan drafted by Qatar and endorsed by Egypt.");
    expect(has(doc, "Qatar", "PROPOSED", "ceasefire plan"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Egypt", "SUPPORTED", "ceasefire plan"), describeDoc(doc)).toBe(true);
  });

  it("reads 'along the lines of' a proposal as that proposal", async () => {
    const doc = await extractText("Norway proposed a fisheries moratorium in March. Iceland later backed a pause along the lines of the Norwegian proposal.");
    expect(has(doc, "Iceland", "SUPPORTED", "fisheries moratorium"), describeDoc(doc)).toBe(true);
  });

  it("reads 'accept a short X along the lines of the Y proposal' (the phrase hung on the verb) as that proposal", async () => {
    const doc = await extractText("Egypt proposed a ten-day truce in Gaza. The official added that Israel was prepared to accept a short truce along the lines of the Egyptian proposal.");
    expect(has(doc, "Israel", "SUPPORTED", "ten-day truce"), describeDoc(doc)).toBe(true);
  });
});

describe("misread participles", () => {
  it("a repair never makes a token its own ancestor ('At the March 3 summit, hosted by X, Y put forward ...')", async () => {
    // The parser heads this sentence with "hosted"; hanging it under "summit" (its own dependent) would make a cycle,
    // and every walk up or down the tree would then loop for ever.
    const doc = await extractText("At the March 3 summit, hosted by Kenyan President William Ruto, IGAD leaders put forward a border monitoring pact with the two juntas.");
    expect(has(doc, "William Ruto", "LEADS", "Kenya"), describeDoc(doc)).toBe(true);
    expect(has(doc, "*", "PROPOSED", "border monitoring pact"), describeDoc(doc)).toBe(true);
  }, 20_000);

  it("'The offer made by Brussels of early access to the funds': the of-phrase is what was offered", async () => {
    const doc = await extractText("The offer made by Brussels of early access to the reconstruction funds drew no response.");
    expect(has(doc, "European Union", "OFFERED", "early access to the reconstruction funds"), describeDoc(doc)).toBe(true);
  });
});

describe("proposal nouns with an owner", () => {
  it("'Doha's framework', 'the Chinese draft' are their owners' proposals; 'the NATO framework' is no proposal of NATO", async () => {
    const doc = await extractText(
      "Hamas turned down Doha's framework for a truce. Vietnam rejected the Chinese draft of a fishing accord. Turkey wants to act outside the NATO framework.",
    );
    expect(has(doc, "Qatar", "PROPOSED", "truce"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Hamas", "REJECTED", "truce"), describeDoc(doc)).toBe(true);
    expect(has(doc, "China", "PROPOSED", "fishing accord"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Vietnam", "REJECTED", "fishing accord"), describeDoc(doc)).toBe(true);
    expect(has(doc, "NATO", "PROPOSED", "*"), describeDoc(doc)).toBe(false);
  });
});

describe("a definite proposal noun that says what it is about", () => {
  it("'the plan on water sharing' after a truce is a new proposal, not the truce", async () => {
    const doc = await extractText("Egypt proposed a truce in Gaza. Jordan rejected the plan on water sharing.");
    expect(has(doc, "Jordan", "REJECTED", "plan on water sharing"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Jordan", "REJECTED", "truce in Gaza"), describeDoc(doc)).toBe(false);
  });
});

describe("signing, demands and reported refusals", () => {
  it("signing or initialling an agreement supports it; 'signed on as co-sponsor' co-proposes", async () => {
    const doc = await extractText(
      "Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev initialled a peace agreement on Friday. Turkey welcomed the agreement. Romania proposed a Danube demining plan, and Bulgaria has since signed on as co-sponsor.",
    );
    expect(has(doc, "Nikol Pashinyan", "SUPPORTED", "peace agreement"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Turkey", "SUPPORTED", "peace agreement"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Bulgaria", "PROPOSED", "demining plan"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Bulgaria", "SUPPORTED", "*"), describeDoc(doc)).toBe(false);
  });

  it("'will not sign any agreement that does not guarantee X' demands X", async () => {
    const doc = await extractText('Senior Hamas official Osama Hamdan said the movement "will not sign any agreement that does not guarantee a permanent end to the war".');
    expect(has(doc, "Hamas", "PROPOSED", "permanent end to the war"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Hamas", "REJECTED", "*"), describeDoc(doc)).toBe(false);
  });

  it("'Netanyahu said Israel would not agree to a ceasefire': a refusal by Israel, reported by its known prime minister", async () => {
    const doc = await extractText("Netanyahu said Israel would not agree to a ceasefire until its goals were met.");
    expect(has(doc, "Israel", "REJECTED", "ceasefire"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Benjamin Netanyahu", "LEADS", "Israel"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Benjamin Netanyahu", "REJECTED", "ceasefire"), describeDoc(doc)).toBe(true);
  });
});

describe("participles and hosts", () => {
  it("'condemned X, calling it a breach of law and urging Y to halt': the condemner urges", async () => {
    const doc = await extractText("France has strongly condemned Serbia's border wall project, calling it a breach of international law and urging Belgrade to halt construction.");
    expect(has(doc, "France", "URGED", "Serbia"), describeDoc(doc)).toBe(true);
  });

  it("a host who received a guest met them; one who will host has not yet", async () => {
    const doc = await extractText("On Monday, Kenyan President William Ruto hosted his Somali counterpart Hassan Sheikh Mohamud in Nairobi. Ruto will host Ethiopian Prime Minister Abiy Ahmed next month.");
    expect(has(doc, "William Ruto", "MET_WITH", "Hassan Sheikh Mohamud"), describeDoc(doc)).toBe(true);
    expect(has(doc, "William Ruto", "MET_WITH", "Abiy Ahmed"), describeDoc(doc)).toBe(false);
  });
});

describe("clauses with a subject of their own", () => {
  it("'dismissed the session as theatre staged in X': the dismisser staged nothing", async () => {
    const doc = await extractText('The AU convened an emergency session in Addis Ababa. Eritrea dismissed the AU session as "theatre staged in Addis Ababa".');
    expect(entity(doc, "Eritrea")).toBeDefined();
    expect(has(doc, "Eritrea", "HOSTED", "*"), describeDoc(doc)).toBe(false);
  });
});

describe("joining and pledging", () => {
  it("'would not join the truce' rejects it; 'joined the talks' attends them; 'pledged on Thursday to open X' offers it", async () => {
    const doc = await extractText(
      "China proposed a ceasefire in Rakhine. The Kachin Independence Army said it would not join the ceasefire. Laos joined the talks in Kunming. Thailand pledged on Thursday to open its border crossings.",
    );
    expect(has(doc, "Kachin Independence Army", "REJECTED", "ceasefire in Rakhine"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Laos", "ATTENDED", "*"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Thailand", "OFFERED", "*"), describeDoc(doc)).toBe(true);
  });

  it("'urged both sides to sign' is the sides' signing, not the urger's; 'The Kenyan side proposed to hold the next summit' proposes the summit", async () => {
    const doc = await extractText(
      "Talks between the army and the militia resumed in Jeddah. UN envoy Rita Mensah urged both sides to sign the truce. The Kenyan side proposed to hold the next summit in 2027 in Mombasa.",
    );
    expect(has(doc, "Rita Mensah", "SUPPORTED", "truce"), describeDoc(doc)).toBe(false);
    expect(doc.relations.some((r) => r.type === "PROPOSED" && r.subject === "kenya" && /summit/i.test(doc.entities.find((e) => e.id === r.object)?.name ?? "")), describeDoc(doc)).toBe(true);
  });

  it("a refusal with nothing after it answers the proposal of the sentence before ('Yerevan has politely declined')", async () => {
    const doc = await extractText("Serbia proposed a joint border commission. Kosovo has politely declined. Talks continue next week.");
    expect(has(doc, "Kosovo", "REJECTED", "joint border commission"), describeDoc(doc)).toBe(true);
  });

  it("a passive with no agent states a position as the adjective does ('is committed to', 'is prepared to send')", async () => {
    const doc = await extractText("Greece is committed to a two-state plan. Athens is prepared to send a frigate.");
    expect(has(doc, "Greece", "SUPPORTED", "two-state plan"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Greece", "OFFERED", "frigate"), describeDoc(doc)).toBe(true);
  });
});
