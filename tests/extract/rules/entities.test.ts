import { describe, expect, it } from "vitest";
import { describeDoc, entitiesLike, entity, extractText, has } from "../helpers.ts";

describe("entities the lexicons know and those they do not", () => {
  it("resolves capitals and buildings acting for their state, and keeps a capital named as a place a place", async () => {
    const doc = await extractText("The Kremlin rejected the proposal, and Ankara backed it. Talks will be held in Ankara next week.");
    expect(entity(doc, "Russia", "Country"), describeDoc(doc)).toBeDefined();
    expect(entity(doc, "Turkey", "Country"), describeDoc(doc)).toBeDefined();
    expect(entity(doc, "Ankara", "Place"), describeDoc(doc)).toBeDefined();
  });

  it("reads both states of a hyphenated pair, combining forms included, but no state in a region's name", async () => {
    const doc = await extractText("The Sino-Russian patrol and the Franco-German brigade were discussed at an Indo-Pacific forum.");
    for (const c of ["China", "Russia", "France", "Germany"]) expect(entity(doc, c, "Country"), describeDoc(doc)).toBeDefined();
    expect(entity(doc, "India"), describeDoc(doc)).toBeUndefined();
  });

  it("finds people the lexicons do not know from the tagger and their titles", async () => {
    const doc = await extractText("Deputy Foreign Minister Tadesse Worku of Ethiopia met Kenyan envoy Achieng Otieno in Nairobi.");
    expect(entity(doc, "Tadesse Worku", "Person"), describeDoc(doc)).toBeDefined();
    expect(entity(doc, "Achieng Otieno", "Person"), describeDoc(doc)).toBeDefined();
    expect(has(doc, "Achieng Otieno", "LEADS", "Kenya"), describeDoc(doc)).toBe(true);
  });

  it("one person under a full name and a short one, and under a role noun", async () => {
    const doc = await extractText(
      "Estonian Prime Minister Kristen Michal proposed a Baltic air policing fund. Michal said the fund was urgent. The prime minister also urged Finland to join.",
    );
    expect(doc.entities.filter((e) => e.type === "Person").length, describeDoc(doc)).toBe(1);
    expect(has(doc, "Kristen Michal", "URGED", "Finland"), describeDoc(doc)).toBe(true);
  });

  it("an acronym defined in the text names the same organisation later", async () => {
    const doc = await extractText(
      "The Lake Chad Basin Commission (LCBC) proposed a joint patrol. Nigeria said the LCBC patrol needed more boats.",
    );
    const orgs = doc.entities.filter((e) => e.type === "Organization");
    expect(orgs.length, describeDoc(doc)).toBe(1);
    expect(orgs[0]!.aliases).toContain("LCBC");
  });

  it("does not split an organisation's name into the country it holds", async () => {
    const doc = await extractText("The Ukraine Defense Contact Group met at Ramstein Air Base on Friday.");
    expect(entitiesLike(doc, "Ukraine Defense Contact Group").length, describeDoc(doc)).toBe(1);
    expect(entity(doc, "Ukraine", "Country"), describeDoc(doc)).toBeUndefined();
    expect(entity(doc, "Ramstein Air Base", "Place"), describeDoc(doc)).toBeDefined();
  });

  it("reads a country's officials and ministries as the country ('Thai officials', 'Russia's foreign ministry')", async () => {
    const doc = await extractText("Thai officials rejected the swap. Russia's Foreign Ministry dismissed the plan as well.");
    expect(has(doc, "Thailand", "REJECTED", "swap"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Russia", "REJECTED", "*"), describeDoc(doc)).toBe(true);
    expect(doc.entities.some((e) => e.type === "Organization" && /ministry/i.test(e.name)), describeDoc(doc)).toBe(false);
  });

  it("a regional group is one organisation, not its members", async () => {
    const doc = await extractText("European leaders pressed for a ceasefire, and other European governments agreed.");
    const groups = doc.entities.filter((e) => e.type === "Organization" && e.attributes.kind === "group");
    expect(groups.length, describeDoc(doc)).toBe(1);
    expect(has(doc, "European leaders", "PROPOSED", "ceasefire"), describeDoc(doc)).toBe(true);
  });

  it("resolves 'both sides' to the two parties just named", async () => {
    const doc = await extractText("Armenia and Azerbaijan accused each other of shelling. Russia urged both sides to respect the truce.");
    expect(has(doc, "Russia", "URGED", "Armenia"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Russia", "URGED", "Azerbaijan"), describeDoc(doc)).toBe(true);
  });

  it("resolves 'the bloc' and 'it' to the organisation and country they refer back to", async () => {
    const doc = await extractText("Sudan proposed a buffer zone. The African Union met in Addis Ababa. The bloc rejected the buffer zone. Egypt said it would back the buffer zone.");
    expect(has(doc, "African Union", "REJECTED", "*"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Egypt", "SUPPORTED", "*"), describeDoc(doc)).toBe(true);
  });
});

describe("possessive pronouns", () => {
  it("'its' after a sentence about an organisation's position is that organisation's", async () => {
    const doc = await extractText(
      "Turkey offered to host talks. The African Union's position is less clear. Its commission chairman, Amara Diallo, proposed an observer mission.",
    );
    expect(has(doc, "Amara Diallo", "LEADS", "African Union"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Amara Diallo", "LEADS", "Turkey"), describeDoc(doc)).toBe(false);
  });
});

describe("people named by their office", () => {
  it("'tabled by the EU's special representative for the dialogue, X': X tabled it and acts for the EU; 'the envoy' is X later", async () => {
    const doc = await extractText(
      "The 20-page plan was tabled by the EU's special representative for the dialogue, Miroslav Lajcak, on Monday. A further round of talks was proposed by the envoy for October.",
    );
    expect(has(doc, "Miroslav Lajcak", "PROPOSED", "20-page plan"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Miroslav Lajcak", "LEADS", "European Union"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Miroslav Lajcak", "PROPOSED", "further round of talks"), describeDoc(doc)).toBe(true);
  });

  it("an owner's office refers back to its holder ('Russia's foreign minister')", async () => {
    const doc = await extractText(
      "Russian Foreign Minister Sergei Lavrov arrived in Ankara on Monday. Turkey proposed a Black Sea grain corridor. Russia's foreign minister rejected the corridor.",
    );
    expect(has(doc, "Sergei Lavrov", "REJECTED", "grain corridor"), describeDoc(doc)).toBe(true);
  });
});

describe("pairs and events referred back to", () => {
  it("'both governments' after two presidents are their countries; 'the announcement' is the meeting announced", async () => {
    const doc = await extractText(
      "Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev will meet in Abu Dhabi on May 3, the Emirati foreign ministry announced on Friday. Officials said the agenda was open. France welcomed the announcement and urged both governments to seize the moment.",
    );
    expect(has(doc, "France", "URGED", "Armenia"), describeDoc(doc)).toBe(true);
    expect(has(doc, "France", "URGED", "Azerbaijan"), describeDoc(doc)).toBe(true);
    const france = entity(doc, "France")!;
    expect(doc.stances.some((st) => st.actor === france.id && st.topic === "summit" && st.stance === "support"), describeDoc(doc)).toBe(true);
  });
});

describe("publishers and spellings", () => {
  it("a news organisation's name is an organisation, not a place ('Middle East Eye')", async () => {
    const doc = await extractText("A Turkish official told Middle East Eye that Ankara would consider joining the mission. Reuters reported the same.");
    expect(entity(doc, "Middle East Eye", "Organization"), describeDoc(doc)).toBeDefined();
    expect(entity(doc, "Middle East", "Place"), describeDoc(doc)).toBeUndefined();
    expect(entity(doc, "Reuters", "Organization"), describeDoc(doc)).toBeDefined();
  });

  it("one person under two spellings of a known name ('Volodymyr Zelensky', 'Zelenskyy')", async () => {
    const doc = await extractText("Trump hosted his Ukrainian counterpart Volodymyr Zelensky on Monday. Zelenskyy later thanked him.");
    const people = doc.entities.filter((e) => e.type === "Person" && /zelensk/i.test(e.name));
    expect(people.length, describeDoc(doc)).toBe(1);
    expect(entity(doc, "Volodymyr Zelensky", "Person"), describeDoc(doc)).toBeDefined();
  });
});

describe("offices read from more title forms", () => {
  it("reads titles with the country in an of-phrase, possessive officials, military ranks and an envoy's brief", async () => {
    const doc = await extractText(
      "Minister of Foreign Affairs of the Republic of Korea Cho Hyun hosted Secretary of State of the United States Marco Rubio in Seoul. " +
        "The talks were the first between Azerbaijan's Jeyhun Bayramov and the Armenian side. " +
        "Myanmar's military leader, Senior General Min Aung Hlaing, welcomed the agreement. " +
        "The UN special envoy for Yemen, Hans Grundberg, and a spokesman for the Houthis, Mohammed Abdulsalam, spoke later.",
    );
    expect(has(doc, "Cho Hyun", "LEADS", "South Korea"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Cho Hyun", "HOSTED", "Marco Rubio"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Jeyhun Bayramov", "LEADS", "Azerbaijan"), describeDoc(doc)).toBe(true);
    expect(entity(doc, "Min Aung Hlaing", "Person"), describeDoc(doc)).toBeDefined();
    expect(has(doc, "Min Aung Hlaing", "LEADS", "Myanmar"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Hans Grundberg", "LEADS", "United Nations"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Hans Grundberg", "LEADS", "Yemen"), describeDoc(doc)).toBe(false);
    expect(has(doc, "Mohammed Abdulsalam", "LEADS", "Houthis"), describeDoc(doc)).toBe(true);
  });
});

describe("communique style", () => {
  it("'The Ministers' are the ministers named before; a title's country inside a tagged organisation is split from the name", async () => {
    const doc = await extractText(
      "Minister of Foreign Affairs of the Republic of Korea Cho Hyun hosted Minister for Foreign Affairs of Japan Toshimitsu Motegi in Seoul on April 14. The Ministers urged Russia to cease all military cooperation with the DPRK.",
    );
    expect(entity(doc, "Toshimitsu Motegi", "Person"), describeDoc(doc)).toBeDefined();
    expect(has(doc, "Toshimitsu Motegi", "LEADS", "Japan"), describeDoc(doc)).toBe(true);
    for (const who of ["Cho Hyun", "Toshimitsu Motegi"]) expect(has(doc, who, "URGED", "Russia"), describeDoc(doc)).toBe(true);
  });

  it("'the two ministers' needs exactly two; a plural role with no one named before is nobody", async () => {
    const doc = await extractText("The ministers urged Serbia to cease all military cooperation with Belarus.");
    expect(entity(doc, "Serbia")).toBeDefined();
    expect(has(doc, "*", "URGED", "Serbia"), describeDoc(doc)).toBe(false);
  });
});

describe("titles in lists and communities", () => {
  it("a title before the next person's name is theirs; 'Turkish Cypriot leader' acts for no state; 'the two leaders' are the pair of leaders", async () => {
    const doc = await extractText(
      "Cypriot President Nikos Christodoulides and Turkish Cypriot leader Tufan Erhurman arrived within minutes of each other. Greek Foreign Minister Giorgos Gerapetritis, Turkish Foreign Minister Hakan Fidan and British Minister for Europe Stephen Doughty joined them. Opening the session, Guterres urged the two leaders to move from words to crossings.",
    );
    expect(has(doc, "Giorgos Gerapetritis", "LEADS", "Greece"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Giorgos Gerapetritis", "LEADS", "Turkey"), describeDoc(doc)).toBe(false);
    expect(has(doc, "Tufan Erhurman", "LEADS", "Turkey"), describeDoc(doc)).toBe(false);
    expect(has(doc, "Antonio Guterres", "URGED", "Tufan Erhurman"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Antonio Guterres", "URGED", "Hakan Fidan"), describeDoc(doc)).toBe(false);
  });
});

describe("interviews", () => {
  it("in a Q&A, 'I' and 'we' in answers are the interviewee and their country, 'you' in questions the interviewee", async () => {
    const doc = await extractText(
      "Haitian Foreign Minister Daphne Valcin spoke to the Review. Q: Who pays for the force? A: We have asked the Security Council to finance the force. Q: You met Secretary of State Marco Rubio in Washington last week. A: Yes, and he was generous.",
    );
    expect(has(doc, "Haiti", "URGED", "*"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Daphne Valcin", "MET_WITH", "Marco Rubio"), describeDoc(doc)).toBe(true);
  });
});

describe("states referred back to and military ranks", () => {
  it("'The country's military leader, Captain X' leads the state just named; 'pressed both sides for months to halt' urges them", async () => {
    const doc = await extractText(
      "Burkina Faso rejected the clause. The country's military leader, Captain Ibrahim Traore, spoke on television. Myanmar's military government and the Arakan Army agreed to a ceasefire. China has pressed both sides for months to halt fighting. The UN special envoy on Myanmar, Julie Bishop, declined to comment.",
    );
    expect(has(doc, "Ibrahim Traore", "LEADS", "Burkina Faso"), describeDoc(doc)).toBe(true);
    expect(has(doc, "China", "URGED", "Arakan Army"), describeDoc(doc)).toBe(true);
    expect(has(doc, "China", "PROPOSED", "*"), describeDoc(doc)).toBe(false);
    expect(has(doc, "Julie Bishop", "LEADS", "United Nations"), describeDoc(doc)).toBe(true);
  });

  it("a capitalised name with an organisation's head word is one organisation, country and place words inside it included", async () => {
    const doc = await extractText("Mali's Africa Corps contingent met officers of the Alliance of Lake States. The Kenyan Defence Forces were not invited.");
    expect(entity(doc, "Africa Corps", "Organization"), describeDoc(doc)).toBeDefined();
    expect(entity(doc, "Alliance of Lake States", "Organization"), describeDoc(doc)).toBeDefined();
    expect(entity(doc, "Kenyan Defence Forces", "Organization"), describeDoc(doc)).toBeDefined();
    expect(entity(doc, "Africa"), describeDoc(doc)).toBeUndefined();
  });

  it("'both parties' are the two sides of the last 'between X and Y', not the last two actors named together", async () => {
    const doc = await extractText(
      "Talks between Ethiopia and Eritrea resumed in Nairobi on Monday. Kenya and Uganda sent observers. UN envoy Maria Lopez urged both parties to sign within a week.",
    );
    expect(doc.relations.some((r) => r.type === "URGED" && r.object === "ethiopia"), describeDoc(doc)).toBe(true);
    expect(doc.relations.some((r) => r.type === "URGED" && r.object === "eritrea"), describeDoc(doc)).toBe(true);
    expect(doc.relations.some((r) => r.type === "URGED" && (r.object === "kenya" || r.object === "uganda")), describeDoc(doc)).toBe(false);
  });

  it("whoever heads a delegation acts with it ('the army's delegation, headed by General X, rejected ...')", async () => {
    const doc = await extractText("The navy's delegation, headed by Admiral Pedro Alves, rejected the ferry plan and demanded a new survey.");
    expect(has(doc, "Pedro Alves", "REJECTED", "ferry plan"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Pedro Alves", "PROPOSED", "new survey"), describeDoc(doc)).toBe(true);
  });

  it("'we said' and 'I said' do not send the speaker's resolution round in circles", async () => {
    const doc = await extractText('"We said it many times," we said. I said I would go. "We are ready," said Oman\'s foreign minister.');
    expect(doc.entities.length, describeDoc(doc)).toBeGreaterThan(0);
  });

  it("a department in a title is its country's, not an organisation ('Chinese Commerce Minister X', 'US Trade Representative Y')", async () => {
    const doc = await extractText("Chinese Commerce Minister Wang Wentao called US Trade Representative Jamieson Greer.");
    expect(has(doc, "Wang Wentao", "LEADS", "China"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Jamieson Greer", "LEADS", "United States"), describeDoc(doc)).toBe(true);
    expect(doc.entities.filter((e) => e.type === "Organization").length, describeDoc(doc)).toBe(0);
  });
});
