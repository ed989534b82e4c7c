import { describe, expect, it } from "vitest";
import { describeDoc, entitiesLike, entity, extractText, has } from "../helpers.ts";

describe("meetings", () => {
  it("reads who hosted a meeting, actively or passively, and where it was held", async () => {
    const doc = await extractText("Norway hosted a round of peace talks in Oslo on Tuesday. The talks were convened by Foreign Minister Espen Barth Eide.");
    const talks = entitiesLike(doc, "talks", "Meeting");
    expect(talks.length, describeDoc(doc)).toBe(1);
    expect(has(doc, "Norway", "HOSTED", "talks"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Espen Barth Eide", "HOSTED", "talks"), describeDoc(doc)).toBe(true);
    expect(has(doc, "talks", "HELD_IN", "Oslo"), describeDoc(doc)).toBe(true);
    expect(talks[0]!.attributes.date, describeDoc(doc)).toBe("2026-03-03");
  });

  it("reads participants from 'talks between X and Y' and attendance from 'At the session, X ...'", async () => {
    const doc = await extractText(
      "Turkey hosted talks between Armenia and Azerbaijan in Istanbul. At the session, Armenian Foreign Minister Ararat Mirzoyan tabled a border map.",
    );
    expect(has(doc, "Armenia", "ATTENDED", "talks"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Azerbaijan", "ATTENDED", "talks"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Ararat Mirzoyan", "ATTENDED", "talks"), describeDoc(doc)).toBe(true);
  });

  it("refers 'the meeting' back to the meeting under way, and keeps a meeting with its own date apart", async () => {
    const doc = await extractText(
      "Ethiopia hosted a summit of Nile basin states in Addis Ababa on Friday. Sudan told the meeting it wanted a water treaty. A further meeting will be held in Cairo in June.",
    );
    expect(has(doc, "Sudan", "ATTENDED", "summit"), describeDoc(doc)).toBe(true);
    const meetings = doc.entities.filter((e) => e.type === "Meeting");
    expect(meetings.length, describeDoc(doc)).toBe(2);
    expect(has(doc, "further meeting", "HELD_IN", "Cairo"), describeDoc(doc)).toBe(true);
  });

  it("reads MET_WITH from 'X met Y' and 'X and Y held a meeting', not from 'will meet'", async () => {
    const doc = await extractText(
      "Olaf Scholz met Giorgia Meloni in Rome on Monday. Emmanuel Macron and Pedro Sanchez held a bilateral meeting in Madrid. Keir Starmer will meet Mark Carney next week.",
    );
    expect(has(doc, "Olaf Scholz", "MET_WITH", "Giorgia Meloni"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Emmanuel Macron", "MET_WITH", "Pedro Sanchez"), describeDoc(doc)).toBe(true);
    expect(entity(doc, "Keir Starmer")).toBeDefined();
    expect(has(doc, "Keir Starmer", "MET_WITH", "Mark Carney"), describeDoc(doc)).toBe(false);
  });

  it("makes a phone call a meeting both sides attended", async () => {
    const doc = await extractText("Secretary of State Marco Rubio spoke by phone with Wang Yi on Sunday.");
    const call = doc.entities.find((e) => e.type === "Meeting");
    expect(call, describeDoc(doc)).toBeDefined();
    expect(has(doc, "Marco Rubio", "ATTENDED", call!.name), describeDoc(doc)).toBe(true);
    expect(has(doc, "Wang Yi", "ATTENDED", call!.name), describeDoc(doc)).toBe(true);
  });

  it("a proposed meeting is also a proposal; one dismissed after it happened is the meeting itself", async () => {
    const doc = await extractText("Angola proposed a summit of Great Lakes leaders in Luanda. Rwanda dismissed last year's Nairobi summit as a failure.");
    expect(has(doc, "Angola", "PROPOSED", "summit"), describeDoc(doc)).toBe(true);
    expect(doc.entities.some((e) => e.type === "Proposal" && e.attributes.topic === "summit"), describeDoc(doc)).toBe(true);
  });

  it("a dateline is where the first sentence's meeting took place", async () => {
    const doc = await extractText("GENEVA, March 3 — Iran and the IAEA held technical talks on Tuesday on the monitoring of enrichment sites.");
    expect(has(doc, "technical talks", "HELD_IN", "Geneva"), describeDoc(doc)).toBe(true);
  });

  it("does not attend a meeting someone did not send a delegation to", async () => {
    const doc = await extractText("Mali hosted a security conference in Bamako. Niger, which did not send a delegation to the conference, criticised it.");
    expect(entity(doc, "Niger")).toBeDefined();
    expect(has(doc, "Niger", "ATTENDED", "*"), describeDoc(doc)).toBe(false);
  });
});

describe("membership by verbs and hyphenated surnames", () => {
  it("an organisation that includes or brings together countries, a country that joined one; 'Fils-Aimé' alone is the person named in full", async () => {
    const doc = await extractText(
      "The Arab League includes Egypt and Jordan. The East African Community brings together Kenya, Uganda and Tanzania. Sweden joined NATO in 2024. Prime Minister Alix Didier Fils-Aimé spoke in New York. Fils-Aimé also urged Canada to release the funds.",
    );
    expect(has(doc, "Jordan", "MEMBER_OF", "Arab League"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Uganda", "MEMBER_OF", "East African Community"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Sweden", "MEMBER_OF", "NATO"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Alix Didier Fils-Aimé", "URGED", "Canada"), describeDoc(doc)).toBe(true);
  });
});

describe("membership and offices", () => {
  it("reads MEMBER_OF from appositions and copulas", async () => {
    const doc = await extractText("Finland and Sweden, both members of NATO, backed the plan. Norway is a member of the OSCE.");
    expect(has(doc, "Finland", "MEMBER_OF", "NATO"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Sweden", "MEMBER_OF", "NATO"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Norway", "MEMBER_OF", "OSCE"), describeDoc(doc)).toBe(true);
  });

  it("reads LEADS from titles before a name and from appositions", async () => {
    const doc = await extractText(
      "Hungarian Foreign Minister Peter Szijjarto spoke first. Dmitry Peskov, the Kremlin spokesman, declined to comment. NATO Secretary General Mark Rutte was in Vilnius.",
    );
    expect(has(doc, "Peter Szijjarto", "LEADS", "Hungary"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Dmitry Peskov", "LEADS", "Russia"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Mark Rutte", "LEADS", "NATO"), describeDoc(doc)).toBe(true);
  });

  it("gives an office without a country the country the sentence is about", async () => {
    const doc = await extractText("Defence Minister Tomas Kvist said Denmark would send a frigate.");
    expect(has(doc, "Tomas Kvist", "LEADS", "Denmark"), describeDoc(doc)).toBe(true);
  });

  it("an opposition leader or a columnist acts for no country", async () => {
    const doc = await extractText("Opposition leader Maria Lopez said Venezuela needed new elections.");
    expect(entity(doc, "Maria Lopez", "Person")).toBeDefined();
    expect(has(doc, "Maria Lopez", "LEADS", "Venezuela"), describeDoc(doc)).toBe(false);
  });
});

describe("meetings a verb introduces", () => {
  it("'X and Y will meet in Z on <date>' is the meeting 'the summit' then refers to, hosted by the one who hosts both", async () => {
    const doc = await extractText(
      "Sudanese President Omar Bashir and Chadian President Idriss Deby will meet in Addis Ababa on April 9. The summit was proposed by Ethiopian Prime Minister Abiy Ahmed, who will host both leaders at the National Palace.",
    );
    const meetings = doc.entities.filter((e) => e.type === "Meeting");
    expect(meetings.length, describeDoc(doc)).toBe(1);
    const summit = meetings[0]!;
    expect(has(doc, "Omar Bashir", "ATTENDED", summit.name), describeDoc(doc)).toBe(true);
    expect(has(doc, summit.name, "HELD_IN", "Addis Ababa"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Abiy Ahmed", "HOSTED", summit.name), describeDoc(doc)).toBe(true);
    for (const guest of ["Omar Bashir", "Idriss Deby"]) expect(has(doc, "Abiy Ahmed", "HOSTED", guest), describeDoc(doc)).toBe(true);
  });
});

describe("meeting mentions", () => {
  it("a mention ends with the meeting's phrase, not the relative clause after it", async () => {
    const body = "Zelensky proposed a trilateral meeting in which Putin would take part.";
    const doc = await extractText(body);
    const meeting = doc.entities.find((e) => e.type === "Meeting");
    expect(meeting, describeDoc(doc)).toBeDefined();
    const texts = (meeting!.spans ?? []).map((sp) => body.slice(sp.start, sp.end));
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) expect(t).not.toMatch(/\b(in|which)$/);
  });
});

describe("who is at the talks", () => {
  it("the head of a delegation and a side's representative attend the talks under way", async () => {
    const doc = await extractText(
      "Oman hosted talks between Iran and the United States in Muscat on Saturday. The Iranian team was led by Abbas Araghchi. Washington was represented by Steve Witkoff.",
    );
    const talks = doc.entities.find((e) => e.type === "Meeting");
    expect(talks, describeDoc(doc)).toBeDefined();
    expect(has(doc, "Abbas Araghchi", "ATTENDED", talks!.name), describeDoc(doc)).toBe(true);
    expect(has(doc, "Steve Witkoff", "ATTENDED", talks!.name), describeDoc(doc)).toBe(true);
  });

  it("a spokesman saying his country will host talks does not host them himself", async () => {
    const doc = await extractText("Qatar's foreign ministry spokesman Majed al-Ansari said Qatar would host the next round of talks in Doha on Tuesday.");
    expect(has(doc, "Qatar", "HOSTED", "*"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Majed al-Ansari", "HOSTED", "*"), describeDoc(doc)).toBe(false);
    expect(has(doc, "Majed al-Ansari", "ATTENDED", "*"), describeDoc(doc)).toBe(false);
  });

  it("'which he and his counterpart X will convene at Y on Friday': both host, at that place; 'he' is the minister of the sentence", async () => {
    const doc = await extractText(
      "Defence Minister Boris Pistorius met Chancellor Friedrich Merz on Monday. The minister will take the offer to the Ukraine Defense Contact Group, which he and his British counterpart John Healey will convene at Ramstein Air Base on Friday.",
    );
    const group = doc.entities.find((e) => e.type === "Meeting" && /Contact Group/i.test(e.name));
    expect(group, describeDoc(doc)).toBeDefined();
    expect(has(doc, "Boris Pistorius", "HOSTED", group!.name), describeDoc(doc)).toBe(true);
    expect(has(doc, "John Healey", "HOSTED", group!.name), describeDoc(doc)).toBe(true);
    expect(has(doc, "Friedrich Merz", "HOSTED", "*"), describeDoc(doc)).toBe(false);
    expect(has(doc, group!.name, "HELD_IN", "Ramstein Air Base"), describeDoc(doc)).toBe(true);
  });
});

describe("meetings named in a phrase of the clause", () => {
  it("'discussed it with Y in a phone call', 'who agreed on it in a phone call': both were on the call", async () => {
    const doc = await extractText(
      "President Ilham Aliyev discussed the corridor with Nikol Pashinyan in a phone call on Monday. Presidents Gitanas Nauseda and Alar Karis, who agreed on the plan in a phone call on Sunday, said more was needed.",
    );
    const calls = doc.entities.filter((e) => e.type === "Meeting");
    expect(calls.length, describeDoc(doc)).toBe(2);
    for (const [who, call] of [["Ilham Aliyev", 0], ["Nikol Pashinyan", 0], ["Gitanas Nauseda", 1], ["Alar Karis", 1]] as const) {
      expect(has(doc, who, "ATTENDED", calls[call]!.name), describeDoc(doc)).toBe(true);
    }
  });

  it("'unveiled the plan after talks in Brasilia': the unveilers were at the talks; 'will ... after talks' is not yet", async () => {
    const doc = await extractText(
      "Foreign Minister Mauro Vieira and his Colombian counterpart, Luis Gilberto Murillo, unveiled the plan after talks in Brasilia. Peru will respond after talks in Lima.",
    );
    const brasilia = doc.entities.find((e) => e.type === "Meeting" && /Brasilia/.test(e.name));
    expect(brasilia, describeDoc(doc)).toBeDefined();
    expect(has(doc, "Mauro Vieira", "ATTENDED", brasilia!.name), describeDoc(doc)).toBe(true);
    expect(has(doc, "Luis Gilberto Murillo", "ATTENDED", brasilia!.name), describeDoc(doc)).toBe(true);
    expect(has(doc, "Luis Gilberto Murillo", "LEADS", "Colombia"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Peru", "ATTENDED", "*"), describeDoc(doc)).toBe(false);
  });
});

describe("hosting by a government and offers restated", () => {
  it("'President X, whose government hosted A and B negotiators in C in 2022': X's country hosted talks A and B attended", async () => {
    const doc = await extractText(
      "President Kassym-Jomart Tokayev of Kazakhstan, whose government hosted Armenian and Azerbaijani negotiators in Almaty in 2024, has also offered to host a new round of talks.",
    );
    const talks = doc.entities.find((e) => e.type === "Meeting" && /Almaty/.test(e.name));
    expect(talks, describeDoc(doc)).toBeDefined();
    expect(has(doc, "Kazakhstan", "HOSTED", talks!.name), describeDoc(doc)).toBe(true);
    expect(has(doc, "Armenia", "ATTENDED", talks!.name), describeDoc(doc)).toBe(true);
    expect(has(doc, "Azerbaijan", "ATTENDED", talks!.name), describeDoc(doc)).toBe(true);
  });

  it("'X's offer of new talks in Y' after X offered to host talks is the same offer", async () => {
    const doc = await extractText(
      "President Kassym-Jomart Tokayev has offered to host a new round of talks. Baku has welcomed Tokayev's offer of new talks in Almaty.",
    );
    const offers = doc.entities.filter((e) => e.type === "Proposal");
    expect(offers.length, describeDoc(doc)).toBe(1);
    expect(has(doc, "Azerbaijan", "SUPPORTED", offers[0]!.name), describeDoc(doc)).toBe(true);
  });
});

describe("meetings only proposed or spoken of", () => {
  it("an offered round of talks is a Proposal only; 'any direct talks' is no meeting; a summit held at a place is one", async () => {
    const doc = await extractText(
      "Kazakhstan has offered to host a new round of talks. Germany backed a ceasefire as a prerequisite to any direct talks. Leaders gathered for a summit in Astana on Monday.",
    );
    const meetings = doc.entities.filter((e) => e.type === "Meeting");
    expect(meetings.map((m) => m.name), describeDoc(doc)).toEqual([expect.stringMatching(/summit in Astana/i)]);
    expect(has(doc, "Kazakhstan", "OFFERED", "new round of talks"), describeDoc(doc)).toBe(true);
  });
});

describe("meeting places and names", () => {
  it("talks between two parties with the place hung on the second are held there, named '<place> talks', and 'the Jeddah session' is them", async () => {
    const body =
      "Saudi Arabia and the United States reopened indirect talks between Sudan's army and the paramilitary Rapid Support Forces in Jeddah on Wednesday. The army rejected the draft. A UN envoy, who attended the Jeddah session as an observer, said monitors could be deployed.";
    const doc = await extractText(body);
    const meetings = doc.entities.filter((e) => e.type === "Meeting");
    expect(meetings.length, describeDoc(doc)).toBe(1);
    expect(meetings[0]!.name).toBe("Jeddah talks");
    expect(has(doc, "Jeddah talks", "HELD_IN", "Jeddah"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Rapid Support Forces", "ATTENDED", "Jeddah talks"), describeDoc(doc)).toBe(true);
  });
});

describe("brought together", () => {
  it("'is hosting a meeting in Geneva, bringing together A, B and C': they attend it", async () => {
    const doc = await extractText("UN Secretary-General Antonio Guterres is hosting an informal meeting on Cyprus in Geneva on Wednesday, bringing together Greece, Turkey and Britain.");
    const meeting = doc.entities.find((e) => e.type === "Meeting")!;
    expect(meeting, describeDoc(doc)).toBeDefined();
    for (const c of ["Greece", "Turkey", "United Kingdom"]) expect(has(doc, c, "ATTENDED", meeting.name), describeDoc(doc)).toBe(true);
  });
});

describe("measures of talks", () => {
  it("'agreed to a ceasefire after two days of talks in Kunming': both sides were at the talks", async () => {
    const doc = await extractText("Myanmar's military government and the Arakan Army agreed on Wednesday to a ceasefire in Rakhine State after two days of talks in Kunming.");
    const talks = doc.entities.find((e) => e.type === "Meeting")!;
    expect(talks, describeDoc(doc)).toBeDefined();
    expect(has(doc, "Arakan Army", "ATTENDED", talks.name), describeDoc(doc)).toBe(true);
    expect(has(doc, talks.name, "HELD_IN", "Kunming"), describeDoc(doc)).toBe(true);
  });

  it("hosts in participles: an opening phrase's 'hosted by', one after the clause, and 'the N days of talks'", async () => {
    const doc = await extractText(
      "At the March 3 summit, hosted by Kenyan President William Ruto, regional leaders put forward a grain corridor. The next round of talks will be held in Kigali later this month, hosted by Rwanda. Qatar hosted the three days of talks in Doha.",
    );
    expect(doc.relations.some((r) => r.type === "HOSTED" && r.subject === "william-ruto"), describeDoc(doc)).toBe(true);
    expect(doc.relations.some((r) => r.type === "HOSTED" && r.subject === "rwanda"), describeDoc(doc)).toBe(true);
    expect(doc.relations.some((r) => r.type === "HOSTED" && r.subject === "qatar"), describeDoc(doc)).toBe(true);
  });

  it("'is hosting the round' hosts the round under way; welcoming the delegations hosts them; hyphenated words stay in names", async () => {
    const doc = await extractText(
      "The Sudanese rivals opened a new round of talks in Jeddah on Sunday. Saudi Arabia is hosting the round at a palace by the sea. Foreign Minister Faisal bin Farhan welcomed the delegations of the Rapid Support Forces and the Sovereignty Council. Kenya said it was ready to host a follow-up round in Nairobi.",
    );
    expect(doc.relations.some((r) => r.type === "HOSTED" && r.subject === "saudi-arabia" && doc.entities.find((e) => e.id === r.object)?.type === "Meeting"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Faisal bin Farhan", "HOSTED", "Rapid Support Forces"), describeDoc(doc)).toBe(true);
    expect(doc.entities.some((e) => e.name.toLowerCase().includes("follow-up round")), describeDoc(doc)).toBe(true);
  });

  it("two people who met make a meeting both attended, place or not", async () => {
    const doc = await extractText("At the end of the afternoon, US envoy Steve Witkoff and Iranian Foreign Minister Abbas Araghchi met directly for about forty minutes.");
    const meetings = doc.entities.filter((e) => e.type === "Meeting");
    expect(meetings.length, describeDoc(doc)).toBe(1);
    expect(doc.relations.filter((r) => r.type === "ATTENDED" && r.object === meetings[0]!.id).length, describeDoc(doc)).toBe(2);
  });

  it("a host who received guests 'for talks' hosted the talks", async () => {
    const doc = await extractText("Defence Minister Hanno Pevkur hosted his Nordic counterparts for a day of talks at the naval academy in Tallinn.");
    expect(doc.relations.some((r) => r.type === "HOSTED" && r.subject === "hanno-pevkur" && doc.entities.find((e) => e.id === r.object)?.type === "Meeting"), describeDoc(doc)).toBe(true);
  });

  it("'the next summit' after 'the next trilateral summit' is the same meeting to come", async () => {
    const doc = await extractText("Kenya proposed to hold the next regional summit in 2027 in Mombasa. The ministers agreed that Kenya will host the next summit.");
    expect(doc.entities.filter((e) => e.type === "Meeting").length, describeDoc(doc)).toBe(1);
  });
});
