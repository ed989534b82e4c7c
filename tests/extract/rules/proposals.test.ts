import { describe, expect, it } from "vitest";
import { describeDoc, entitiesLike, extractText, has } from "../helpers.ts";

describe("open proposals", () => {
  it("takes whatever a proposing predicate governs, with no fixed list of proposal kinds", async () => {
    const doc = await extractText(
      "Panama proposed a transit levy on LNG tankers. Colombia tabled a memorandum on river pollution. Peru called for a code of conduct for fishing fleets.",
    );
    expect(has(doc, "Panama", "PROPOSED", "transit levy"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Colombia", "PROPOSED", "memorandum on river pollution"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Peru", "PROPOSED", "code of conduct"), describeDoc(doc)).toBe(true);
  });

  it("trims determiners, relative clauses and conditions from a proposal's name", async () => {
    const doc = await extractText("Chile offered a lithium export quota, which miners oppose, if Bolivia agreed to share data.");
    const quota = entitiesLike(doc, "lithium export quota", "Proposal");
    expect(quota.length, describeDoc(doc)).toBe(1);
    expect(quota[0]!.name).toBe("Lithium export quota");
  });

  it("keeps distinct proposals distinct and one proposal named twice one", async () => {
    const doc = await extractText(
      "Sudan proposed a two-day local pause in El Fasher. Chad demanded a full and unconditional ceasefire. The army accepted the local pause, and the pause began on Friday.",
    );
    const proposals = doc.entities.filter((e) => e.type === "Proposal");
    expect(proposals.length, describeDoc(doc)).toBe(2);
  });

  it("'the plan', 'the idea' and 'X's proposal' refer back to the proposal put forward", async () => {
    const doc = await extractText(
      "Denmark floated an Arctic monitoring mission on Monday. Norway welcomed the idea. Iceland later dismissed Denmark's proposal.",
    );
    expect(doc.entities.filter((e) => e.type === "Proposal").length, describeDoc(doc)).toBe(1);
    expect(has(doc, "Norway", "SUPPORTED", "Arctic monitoring mission"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Iceland", "REJECTED", "Arctic monitoring mission"), describeDoc(doc)).toBe(true);
  });

  it("lists after a colon are the proposals ('two options: A, or B')", async () => {
    const doc = await extractText("Norway floated two options: a caretaker government, or a referendum on the constitution.");
    expect(entitiesLike(doc, "caretaker government", "Proposal").length, describeDoc(doc)).toBe(1);
    expect(entitiesLike(doc, "referendum on the constitution", "Proposal").length, describeDoc(doc)).toBe(1);
  });

  it("assigns topics after the fact, 'other' when none fits", async () => {
    const doc = await extractText("Brazil proposed a prisoner exchange. Mexico proposed a tariff on steel. Chile proposed a joint space agency.");
    const topic = (words: string) => entitiesLike(doc, words, "Proposal")[0]?.attributes.topic;
    expect(topic("prisoner exchange"), describeDoc(doc)).toBe("prisoners");
    expect(topic("tariff on steel"), describeDoc(doc)).toBe("sanctions");
    expect(topic("joint space agency"), describeDoc(doc)).toBe("other");
  });

  it("a description's own words outweigh its owner ('Ankara's water-sharing idea' when Ankara is known for another)", async () => {
    const doc = await extractText(
      "Iraq proposed a water-sharing commission on the Euphrates. Turkey offered a naval patrol in the Aegean. Syria welcomed Ankara's water-sharing idea.",
    );
    expect(has(doc, "Syria", "SUPPORTED", "water-sharing commission"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Syria", "SUPPORTED", "naval patrol"), describeDoc(doc)).toBe(false);
  });

  it("a described mission refers back to the mission proposed, not to the latest one", async () => {
    const doc = await extractText(
      "France proposed a European reassurance force for Moldova. Germany later proposed a police training mission. Russia rejected the reassurance force.",
    );
    expect(has(doc, "Russia", "REJECTED", "reassurance force"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Russia", "REJECTED", "police training mission"), describeDoc(doc)).toBe(false);
  });

  it("a side restating its proposal ('tabled a plan under which ...', 'repeating its demand that ...') restates the same one", async () => {
    const doc = await extractText(
      "Armenia proposed an immediate prisoner swap. Later, Armenia's chief negotiator, Deputy Foreign Minister Vahan Kostanyan, tabled a plan under which every prisoner held by either side would be released within 48 hours. Azerbaijan rejected the plan. Prime Minister Nikol Pashinyan repeated Yerevan's demand that every captured soldier be sent home at once.",
    );
    const swaps = doc.entities.filter((e) => e.type === "Proposal");
    expect(swaps.length, describeDoc(doc)).toBe(1);
    expect(has(doc, "Vahan Kostanyan", "PROPOSED", "prisoner swap"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Azerbaijan", "REJECTED", "prisoner swap"), describeDoc(doc)).toBe(true);
  });

  it("a new plan of the same side on another topic stays a new proposal", async () => {
    const doc = await extractText("Armenia proposed an immediate prisoner swap. Armenia also tabled a plan for a demilitarised border zone.");
    expect(doc.entities.filter((e) => e.type === "Proposal").length, describeDoc(doc)).toBe(2);
  });
});

describe("a bare definite proposal noun", () => {
  it("'the outline' after options listed inside a plan is the plan the text is about", async () => {
    const doc = await extractText(
      "Norway and Switzerland unveiled a joint mediation plan for Sudan. Egypt welcomed the plan. Under the plan, Oslo and Bern are also floating two options: a ceasefire in Darfur, or a unity government. Oslo and Bern agreed on the outline last week. The United Arab Emirates rejected the outline.",
    );
    expect(has(doc, "United Arab Emirates", "REJECTED", "joint mediation plan"), describeDoc(doc)).toBe(true);
    expect(has(doc, "United Arab Emirates", "REJECTED", "unity government"), describeDoc(doc)).toBe(false);
  });
});

describe("definite descriptions by topic", () => {
  it("'the proposed sanctions' after a sanctions package and a narrower option is the package the text is about", async () => {
    const doc = await extractText(
      "Hungary blocked a package of EU sanctions against Serbian officials. Diplomats said the package had wide support, and France defended the full package. Austria offered a compromise: suspending visa-free travel for Serbian diplomats. Serbia dismissed the proposed sanctions as blackmail.",
    );
    expect(has(doc, "Serbia", "REJECTED", "sanctions against Serbian officials"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Serbia", "REJECTED", "visa-free travel"), describeDoc(doc)).toBe(false);
  });
});

describe("a proposal introduced by a relative clause", () => {
  it("'the latest attempt is a roadmap that X, head of the UN mission in Libya, presented': X's roadmap, X acts for the UN", async () => {
    const doc = await extractText(
      "The latest attempt to unify the country is a roadmap that Hanna Tetteh, head of the UN Support Mission in Libya, presented to the Security Council last month. Egypt backed the roadmap.",
    );
    const roadmap = doc.entities.find((e) => e.type === "Proposal")!;
    expect(roadmap?.name, describeDoc(doc)).toBe("Roadmap");
    expect(has(doc, "Hanna Tetteh", "PROPOSED", "roadmap"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Egypt", "SUPPORTED", "roadmap"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Hanna Tetteh", "LEADS", "Libya"), describeDoc(doc)).toBe(false);
  });
});

describe("small clauses", () => {
  it("'Baku wants the monitors gone' proposes the monitors gone, not 'gone'", async () => {
    const doc = await extractText("Baku wants the monitors gone.");
    expect(has(doc, "Azerbaijan", "PROPOSED", "monitors gone"), describeDoc(doc)).toBe(true);
  });
});

describe("'the offer'", () => {
  it("refers to what was offered, not to the proposal the text is otherwise about", async () => {
    const doc = await extractText(
      "Pakistan proposed a composite dialogue at a neutral venue. Pakistan's prime minister backed the proposal, and Islamabad defended the proposal again. Mediation has been offered by US President Donald Trump. India welcomed the offer.",
    );
    expect(has(doc, "India", "SUPPORTED", "mediation"), describeDoc(doc)).toBe(true);
    expect(has(doc, "India", "SUPPORTED", "composite dialogue at a neutral venue"), describeDoc(doc)).toBe(false);
  });

  it("leaves conditions at any depth, the occasion and 'as part of' out of a proposal's name", async () => {
    const doc = await extractText(
      "Ghana pledged on Monday to open its northern border posts for grain lorries bound for Burkina Faso once the rains end. Togo offered to send engineers to repair the bridge if both governments asked. Benin rejected the toll plan in a televised address.",
    );
    expect(entitiesLike(doc, "northern border posts", "Proposal")[0]?.name, describeDoc(doc)).toBe("Open its northern border posts for grain lorries bound for Burkina Faso");
    expect(entitiesLike(doc, "send engineers", "Proposal")[0]?.name, describeDoc(doc)).toBe("Send engineers to repair the bridge");
    expect(entitiesLike(doc, "toll plan", "Proposal")[0]?.name, describeDoc(doc)).toBe("Toll plan");
  });

  it("'the deal' and 'the agreement' refer to what the parties agreed to, not to the latest offer", async () => {
    const doc = await extractText(
      "Armenia and Azerbaijan agreed on Friday to a prisoner swap. Georgia offered to provide buses for the returnees. Russia welcomed the deal.",
    );
    expect(has(doc, "Russia", "SUPPORTED", "prisoner swap"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Russia", "SUPPORTED", "buses"), describeDoc(doc)).toBe(false);
  });

  it("a proposal named before proposes through its proposers; co-authors with 'with' propose too; 'its' owns, it does not propose", async () => {
    const doc = await extractText(
      "Mediator Ana Ruiz presented a roadmap for Bolivia. It proposes a joint electoral commission. Under the accord, which Brazil drew up with Chile and Peru, exports would resume. Peru pledged to open its river ports for grain barges.",
    );
    expect(has(doc, "Ana Ruiz", "PROPOSED", "joint electoral commission"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Chile", "PROPOSED", "accord"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Peru", "PROPOSED", "accord"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Peru", "OFFERED", "river ports"), describeDoc(doc)).toBe(true);
  });

  it("a role given to an actor is a proposal ('rejected any role for Qatar'); a role alone is not", async () => {
    const doc = await extractText("Egypt rejected any role for Qatar in the border talks. Jordan said its role was limited.");
    expect(has(doc, "Egypt", "REJECTED", "role for Qatar"), describeDoc(doc)).toBe(true);
    expect(doc.entities.filter((e) => e.type === "Proposal").length, describeDoc(doc)).toBe(1);
  });

  it("refusing to give ('would not contribute warships to the mission') rejects the contribution's mission", async () => {
    const doc = await extractText("Italy proposed a naval mission in the Adriatic. Austria said it would not contribute ships to the mission.");
    expect(has(doc, "Austria", "REJECTED", "naval mission"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Austria", "OFFERED", "naval mission"), describeDoc(doc)).toBe(false);
  });

  it("a sum of money pledged is the offer ('pledged $200 million in food aid')", async () => {
    const doc = await extractText("Canada has pledged $80 million in emergency food aid if the corridors open.");
    expect(has(doc, "Canada", "OFFERED", "80 million in emergency food aid"), describeDoc(doc)).toBe(true);
  });

  it("an agreement known by its capitalised name is a proposal, and a capital in the name is no actor ('the Minsk Protocol')", async () => {
    const doc = await extractText("The talks build on the Jeddah Declaration. Russia rejected the Minsk Protocol and the Dayton Agreement.");
    expect(has(doc, "Russia", "REJECTED", "Minsk Protocol"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Russia", "REJECTED", "Dayton Agreement"), describeDoc(doc)).toBe(true);
    expect(doc.entities.some((e) => e.type === "Proposal" && e.name === "Jeddah Declaration"), describeDoc(doc)).toBe(true);
    expect(doc.entities.some((e) => e.type === "Country" && e.name === "Belarus"), describeDoc(doc)).toBe(false);
  });

  it("a plan listed in parts after a colon is proposed whole and in parts; 'the roadmap' later is the whole", async () => {
    const doc = await extractText(
      "The envoy, Lena Berg, presented a three-stage roadmap: a transitional council, a new constitution and elections within a year. Kenya welcomed the roadmap.",
    );
    expect(has(doc, "Lena Berg", "PROPOSED", "three-stage roadmap"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Lena Berg", "PROPOSED", "transitional council"), describeDoc(doc)).toBe(true);
    expect(has(doc, "Kenya", "SUPPORTED", "three-stage roadmap"), describeDoc(doc)).toBe(true);
  });

  it("'rejected a call from X to cut the budget': X proposed the cut, which was rejected", async () => {
    const doc = await extractText("The minister rejected a call from the opposition Labour Party to cut the defence budget by a third.");
    expect(doc.relations.some((r) => r.type === "PROPOSED" && r.subject.includes("labour")), describeDoc(doc)).toBe(true);
    expect(doc.entities.some((e) => e.type === "Proposal" && /cut the defence budget/i.test(e.name)), describeDoc(doc)).toBe(true);
  });

  it("a proposal named with what follows its noun is also known by the noun and its modifiers", async () => {
    const doc = await extractText("ECOWAS proposed a joint intelligence cell in Niamey with a rotating chair.");
    const cell = entitiesLike(doc, "joint intelligence cell", "Proposal")[0];
    expect(cell?.aliases, describeDoc(doc)).toContain("joint intelligence cell");
  });
});
