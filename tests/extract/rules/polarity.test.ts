import { describe, expect, it } from "vitest";
import { describeDoc, entity, extractText, has } from "../helpers.ts";

/** Negation, modality and hedges change or cancel a fact; each "must not" test first checks the entities exist. */
describe("negation, modality and hedges", () => {
  it("a negated rejection is no rejection", async () => {
    const doc = await extractText("Finland proposed an Arctic patrol. Estonia did not reject the Arctic patrol.");
    expect(entity(doc, "Estonia")).toBeDefined();
    expect(has(doc, "Finland", "PROPOSED", "Arctic patrol"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Estonia", "REJECTED", "*"), describeDoc(doc)).toBe(false);
  });

  it("a refusal stated as 'will not accept' or 'cannot support' is a rejection or opposition", async () => {
    const doc = await extractText("Latvia proposed a gas price cap. Hungary will not accept the price cap, and Slovakia cannot support it.");
    expect(has(doc, "Hungary", "REJECTED", "price cap"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Slovakia", "OPPOSED", "price cap"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Hungary", "SUPPORTED", "*"), describeDoc(doc)).toBe(false);
  });

  it("'has yet to accept' and 'has not said whether it will back' are open, not facts", async () => {
    const doc = await extractText(
      "Jordan offered a water-sharing deal. Syria has yet to accept the water-sharing deal, and Iraq has not said whether it will back the deal.",
    );
    for (const who of ["Syria", "Iraq"]) {
      expect(entity(doc, who), who).toBeDefined();
      expect(has(doc, who, "SUPPORTED", "*"), describeDoc(doc)).toBe(false);
      expect(has(doc, who, "REJECTED", "*"), describeDoc(doc)).toBe(false);
    }
  });

  it("'failed to endorse' and 'stopped short of endorsing' are no support", async () => {
    const doc = await extractText("Romania floated a Danube shipping fund. Bulgaria failed to endorse the fund, and Serbia stopped short of endorsing it.");
    for (const who of ["Bulgaria", "Serbia"]) {
      expect(entity(doc, who), who).toBeDefined();
      expect(has(doc, who, "SUPPORTED", "*"), describeDoc(doc)).toBe(false);
    }
  });

  it("'would consider joining ... if' is a conditional position, not an offer", async () => {
    const doc = await extractText("France proposed a Sahel stabilisation force. Chad would consider joining the force if the African Union endorsed it.");
    expect(entity(doc, "Chad")).toBeDefined();
    expect(has(doc, "Chad", "OFFERED", "*"), describeDoc(doc)).toBe(false);
    expect(has(doc, "Chad", "SUPPORTED", "*"), describeDoc(doc)).toBe(false);
    const chad = entity(doc, "Chad")!;
    expect(doc.stances.find((s) => s.actor === chad.id)?.stance, describeDoc(doc)).toBe("conditional");
  });

  it("support with a condition is support of a conditional stance", async () => {
    const doc = await extractText("Kenya proposed a buffer zone along the border. Uganda accepted the buffer zone, provided its troops were not involved.");
    expect(has(doc, "Uganda", "SUPPORTED", "buffer zone"), describeDoc(doc)).toBe(true);
    const uganda = entity(doc, "Uganda")!;
    expect(doc.stances.find((s) => s.actor === uganda.id)?.stance, describeDoc(doc)).toBe("conditional");
  });

  it("'could offer' is a possibility, not an offer", async () => {
    const doc = await extractText("Officials said Greece could offer a frigate for the mission.");
    expect(entity(doc, "Greece")).toBeDefined();
    expect(has(doc, "Greece", "OFFERED", "*"), describeDoc(doc)).toBe(false);
  });

  it("a negated offer ('has not offered troops') is no offer", async () => {
    const doc = await extractText("Italy proposed a Libyan coast guard mission. Tunisia has not offered any personnel for the mission.");
    expect(entity(doc, "Tunisia")).toBeDefined();
    expect(has(doc, "Tunisia", "OFFERED", "*"), describeDoc(doc)).toBe(false);
  });
});

describe("stances", () => {
  it("opposing one proposal while backing another's on the same topic is mixed", async () => {
    const doc = await extractText("Qatar proposed a six-week truce. Israel rejected a permanent ceasefire but accepted the six-week truce.");
    const israel = entity(doc, "Israel")!;
    expect(israel).toBeDefined();
    expect(doc.stances.find((s) => s.actor === israel.id && s.topic === "ceasefire")?.stance, describeDoc(doc)).toBe("mixed");
  });

  it("the stance carries its evidence sentence", async () => {
    const doc = await extractText("Chile proposed a lithium export tax. Argentina rejected the lithium export tax outright.");
    const argentina = entity(doc, "Argentina")!;
    const st = doc.stances.find((s) => s.actor === argentina.id);
    expect(st?.stance, describeDoc(doc)).toBe("oppose");
    expect(st?.evidence).toBe("Argentina rejected the lithium export tax outright.");
  });
});

describe("wishes are not facts", () => {
  it("'hoped allies would back it' credits no support to the allies", async () => {
    const doc = await extractText("Denmark proposed a Baltic cable guard. Copenhagen hoped Sweden would back the cable guard.");
    expect(entity(doc, "Sweden")).toBeDefined();
    expect(has(doc, "Denmark", "PROPOSED", "cable guard"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Sweden", "SUPPORTED", "*"), describeDoc(doc)).toBe(false);
  });
});

describe("denials", () => {
  it("'denied that it had agreed to supply drones' is no agreement; 'did not deny that it had agreed' is one", async () => {
    const doc = await extractText(
      "Russia proposed a drone supply deal. Tehran denied that it had agreed to the drone supply deal. Minsk did not deny that it had agreed to the drone supply deal.",
    );
    expect(entity(doc, "Iran")).toBeDefined();
    expect(has(doc, "Iran", "SUPPORTED", "*"), describeDoc(doc)).toBe(false);
    expect(has(doc, "Belarus", "SUPPORTED", "drone supply deal"), describeDoc(doc)).toBe(true);
  });
});

describe("speculation about an actor", () => {
  it("'an insider suggested Russia might accept X' is no position of Russia's; 'Chad would consider joining if' is a conditional one", async () => {
    const doc = await extractText(
      "France proposed a Sahel stabilisation force. Another insider suggested Russia might accept the deployment of the force. Chad would consider joining the force if the African Union endorsed it.",
    );
    const russia = entity(doc, "Russia")!;
    expect(russia, describeDoc(doc)).toBeDefined();
    expect(doc.stances.some((s) => s.actor === russia.id), describeDoc(doc)).toBe(false);
    const chad = entity(doc, "Chad")!;
    expect(doc.stances.find((s) => s.actor === chad.id)?.stance, describeDoc(doc)).toBe("conditional");
  });
});

describe("conditions misread as clauses", () => {
  it("'would accept the crossings provided the other side lifted restrictions': conditional support of the crossings", async () => {
    const doc = await extractText("Turkey proposed four new crossings. Erhurman said he would accept the crossings provided the Greek Cypriot side lifted restrictions on trade.");
    expect(has(doc, "Erhurman", "SUPPORTED", "four new crossings"), describeDoc(doc)).toBe(true);
    expect(doc.entities.filter((e) => e.type === "Proposal").length, describeDoc(doc)).toBe(1);
  });
});

describe("what one would sooner not do", () => {
  it("'I would resign before I signed off on talks with them' signs off on nothing", async () => {
    const doc = await extractText("Colombia proposed talks with the armed groups. Defence Minister Ana Ruiz said she would resign before she signed off on talks with the armed groups.");
    expect(entity(doc, "Ana Ruiz")).toBeDefined();
    expect(has(doc, "Ana Ruiz", "SUPPORTED", "*"), describeDoc(doc)).toBe(false);
  });

  it("refusing to refuse rejects nothing; a purpose of a journey not made is not done; a refusal is no proposal", async () => {
    const doc = await extractText(
      '"We have not come here to sign a truce at any price," Ruiz said. Moscow has declined to rule out a naval blockade. Madrid\'s refusal was denounced in Washington.',
    );
    expect(doc.relations.filter((r) => r.type === "SUPPORTED" || r.type === "REJECTED").length, describeDoc(doc)).toBe(0);
  });
});
