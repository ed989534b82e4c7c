import { NOUNS, SPEECH_VERBS, TIME_WORDS } from "../lexicon/index.ts";
import { type Sent, subtree } from "./doc.ts";

/**
 * Repairs of two attachment errors the parser makes often on long news sentences, so that the rules can trust
 * subjects and infinitives:
 * - an infinitive hung as an unlabelled dependent ("ready to fly", dep) is the controlled complement it is (xcomp);
 * - a reported clause split from its subject ("said [a third round of talks] would be held"): the speech verb's
 *   object before a subjectless clause is that clause's subject.
 * Each repair changes the basic tree and the enhanced graph alike.
 */
export function repairSentence(s: Sent): void {
  speechVerbReadAsSubject(s);
  timeReadAsSubject(s);
  conditionReadAsClause(s);
  relativeClauseReadAsComplement(s);
  relativeVerbAfterParticiple(s);
  nameAfterByPhrase(s);
  reducedRelativesWithBy(s);
  subjectAfterRelativeClause(s);
  objectReadAsParticipleSubject(s);
  participleReadAsRoot(s);
  verbReadAsParticiple(s);
  infinitiveOfProposalNoun(s);
  for (let t = 0; t < s.toks.length; t++) {
    // "The offer made by Qatar of free fuel ... went unanswered": a participle with a by-phrase and no auxiliary,
    // read as the main verb with the noun as its subject, is a passive modifying that noun.
    const tk = s.toks[t]!;
    if (tk.pos === "VBN" && (s.kids[t] ?? []).some((a) => a.rel === "obl:by") && !(s.kids[t] ?? []).some((a) => /^(aux|obj)/.test(a.rel))) {
      const subj = (s.kids[t] ?? []).find((a) => a.rel === "nsubj");
      if (subj) {
        relabel(s, t, subj.to, "nsubj:pass");
        for (const a of s.kids[t] ?? []) if (a.rel === "obl:by") relabel(s, t, a.to, "obl:agent");
        // "The offer made by Brussels of early access ...": the of-phrase is the noun's.
        if (s.toks[subj.to]!.pos.startsWith("NN")) for (const a of [...(s.kids[t] ?? [])]) if (a.rel === "obl:of" && a.to > t) move(s, a.to, subj.to, "nmod:of");
      }
    }
    if (tk.pos === "VBD" && (s.kids[t] ?? []).some((a) => a.rel === "obl:by" || a.rel === "obl:agent") && !(s.kids[t] ?? []).some((a) => a.rel === "obj" || a.rel === "aux")) {
      const subj = (s.kids[t] ?? []).find((a) => a.rel === "nsubj");
      if (subj && s.toks[subj.to + 1]?.text === ",") {
        tk.pos = "VBN";
        relabel(s, t, subj.to, "nsubj:pass");
        for (const a of s.kids[t] ?? []) if (a.rel === "obl:by") relabel(s, t, a.to, "obl:agent");
      }
    }
  }
  // "a summit Starmer hosted in London": a name read as the head of the noun before it, with the verb as its
  // modifier. The noun before is the head; the name is the subject of a relative clause.
  for (let x = 1; x < s.toks.length; x++) {
    const name = s.toks[x]!;
    if (name.ner !== "PERSON" && name.ner !== "ORGANIZATION" && name.ner !== "LOCATION") continue;
    const noun = (s.kids[x] ?? []).find((a) => a.rel === "compound" && a.to === x - 1 && /^NNS?$/.test(s.toks[a.to]!.pos) && /^\p{Ll}/u.test(s.toks[a.to]!.text));
    const verb = (s.kids[x] ?? []).find((a) => (a.rel === "acl" || a.rel === "dep") && a.to === x + 1 && /^VB[DN]$/.test(s.toks[a.to]!.pos));
    if (!noun || !verb) continue;
    const n = noun.to;
    const v = verb.to;
    const oldHead = s.head[x]!;
    const oldRel = s.rel[x]!;
    // The noun takes the name's place in the sentence; the name becomes the verb's subject.
    move(s, n, oldHead, oldRel);
    for (const a of [...(s.kids[x] ?? [])]) if (a.to < x && a.to !== n && /^(det|amod|nummod|case)$/.test(a.rel)) move(s, a.to, n, a.rel);
    move(s, v, n, "acl:relcl");
    move(s, x, v, "nsubj");
    s.toks[v]!.pos = "VBD";
  }
  for (let t = 0; t < s.toks.length; t++) {
    const h = s.head[t]!;
    if (h < 0) continue;
    const rel = s.rel[t]!;
    const tok = s.toks[t]!;
    if (rel === "dep" && tok.pos === "VB" && hasChild(s, t, "mark", "to") && /^(JJ|VB|NN)/.test(s.toks[h]!.pos)) {
      relabel(s, h, t, s.toks[h]!.pos.startsWith("NN") ? "acl" : "xcomp");
      continue;
    }
    // "ruled out deploying its navy", "proposed deploying a mission": a gerund object hung as dep.
    if (rel === "dep" && tok.pos === "VBG" && /^(VB|JJ)/.test(s.toks[h]!.pos) && !hasSubject(s, t) && t > h) {
      relabel(s, h, t, "xcomp");
      continue;
    }
    if ((rel === "dep" || rel === "ccomp") && tok.pos.startsWith("VB") && !hasSubject(s, t)) {
      const obj = (s.kids[h] ?? []).find((a) => a.rel === "obj" && a.to < t && s.toks[a.to]!.pos.startsWith("NN"));
      if (obj && isSpeech(s.toks[h]!.lemma)) {
        const passive = (s.kids[t] ?? []).some((a) => a.rel === "aux:pass");
        const subjRel = passive ? "nsubj:pass" : "nsubj";
        move(s, obj.to, t, subjRel);
        relabel(s, h, t, "ccomp");
      }
    }
  }
}

function isSpeech(lemma: string): boolean {
  return SPEECH_VERBS.has(lemma);
}

function hasChild(s: Sent, t: number, rel: string, lower: string): boolean {
  return (s.kids[t] ?? []).some((a) => a.rel === rel && s.toks[a.to]!.lower === lower);
}

function hasSubject(s: Sent, t: number): boolean {
  return (s.kids[t] ?? []).some((a) => /^(nsubj|csubj|expl)/.test(a.rel));
}

/** Changes the relation label of the arc g -> d in both graphs. */
function relabel(s: Sent, g: number, d: number, rel: string): void {
  s.rel[d] = rel;
  for (const a of s.kids[g] ?? []) if (a.to === d) a.rel = rel;
  for (const a of s.ekids[g] ?? []) if (a.to === d) a.rel = rel;
  for (const a of s.eheads[d] ?? []) if (a.to === g) a.rel = rel;
}

/** Re-attaches token d under a new governor g (-1: the root) with relation rel, in both graphs. */
function move(s: Sent, d: number, g: number, rel: string): void {
  // A tree stays a tree: never hang a token under one of its own descendants.
  for (let x = g, guard = 0; x >= 0 && guard <= s.toks.length; x = s.head[x]!, guard++) if (x === d) return;
  const old = s.head[d]!;
  if (old >= 0) {
    s.kids[old] = (s.kids[old] ?? []).filter((a) => a.to !== d);
    s.ekids[old] = (s.ekids[old] ?? []).filter((a) => a.to !== d);
  }
  s.eheads[d] = (s.eheads[d] ?? []).filter((a) => a.to !== old);
  s.head[d] = g;
  s.rel[d] = rel;
  s.eheads[d]!.push({ rel, to: g });
  if (g < 0) return;
  s.kids[g]!.push({ rel, to: d });
  s.kids[g]!.sort((a, b) => a.to - b.to);
  s.ekids[g]!.push({ rel, to: d });
}

/**
 * "a resolution, tabled by Canada and Argentina, that ...": a past participle with a by-phrase right after a
 * noun and a comma is a reduced relative clause on that noun, whatever the parser attached it to.
 */
function reducedRelativesWithBy(s: Sent): void {
  for (let v = 2; v < s.toks.length; v++) {
    const tok = s.toks[v]!;
    if (tok.pos !== "VBN" || s.toks[v - 1]!.text !== ",") continue;
    const noun = v - 2;
    if (!s.toks[noun]!.pos.startsWith("NN")) continue;
    const kids = s.kids[v] ?? [];
    if (!kids.some((a) => a.rel === "obl:by" || a.rel === "obl:agent") || kids.some((a) => /^(aux|nsubj)/.test(a.rel))) continue;
    if (s.head[v] === noun) continue;
    move(s, v, noun, "acl");
    for (const a of s.kids[v] ?? []) if (a.rel === "obl:by") relabel(s, v, a.to, "obl:agent");
  }
}

/**
 * "Mexico, which has kept its distance from the plan, offered to host talks": when the parser leaves the main
 * verb hanging after a relative clause, the sentence's first noun is its subject (added to the enhanced graph).
 */
function subjectAfterRelativeClause(s: Sent): void {
  const root = s.head.indexOf(-1);
  if (root < 0 || !s.toks[root]!.pos.startsWith("NN")) return;
  const rel = (s.kids[root] ?? []).find((a) => a.to > root && (s.kids[a.to] ?? []).some((k) => /^nsubj/.test(k.rel) && /^(which|who)$/.test(s.toks[k.to]!.lower)));
  if (!rel) return;
  for (let v = rel.to + 1; v < s.toks.length; v++) {
    const tok = s.toks[v]!;
    if (!/^VB[DZN]$/.test(tok.pos)) continue;
    if (s.toks[v - 1]!.text !== "," ) continue;
    if ((s.kids[v] ?? []).some((a) => /^(nsubj|aux:pass)/.test(a.rel))) continue;
    s.ekids[v]!.push({ rel: "nsubj", to: root });
    s.eheads[root]!.push({ rel: "nsubj", to: v });
    return;
  }
}

/**
 * "a plan under which every prisoner held by either side would be freed": the parser takes the participle inside
 * the relative clause ("held") for its verb and hangs the real verb ("would be freed") on the main clause. The
 * participle then modifies its noun, and the verb with its auxiliaries heads the relative clause.
 */
function relativeVerbAfterParticiple(s: Sent): void {
  for (let r = 1; r < s.toks.length; r++) {
    if (s.rel[r] !== "acl:relcl" || s.toks[r]!.pos !== "VBN") continue;
    const kids = s.kids[r] ?? [];
    if (kids.some((a) => /^aux/.test(a.rel))) continue;
    const subj = kids.find((a) => a.rel === "nsubj" && a.to < r && s.toks[a.to]!.pos.startsWith("NN"));
    const relPronoun = kids.find((a) => a.to < r && /^(WDT|WP)$/.test(s.toks[a.to]!.pos));
    if (!subj || !relPronoun) continue;
    const noun = s.head[r]!;
    const clauseHead = s.head[noun]!;
    if (clauseHead < 0) continue;
    const end = Math.max(r, ...subtreeOf(s, r));
    const verb = (s.kids[clauseHead] ?? []).find(
      (a) => a.rel === "dep" && a.to > end && s.toks[a.to]!.pos.startsWith("VB") && !hasSubject(s, a.to) && Math.min(...subtreeOf(s, a.to)) === end + 1 && (s.kids[a.to] ?? []).some((k) => /^aux/.test(k.rel)),
    );
    if (!verb) continue;
    const v = verb.to;
    const passive = (s.kids[v] ?? []).some((a) => a.rel === "aux:pass");
    move(s, v, noun, "acl:relcl");
    move(s, subj.to, v, passive ? "nsubj:pass" : "nsubj");
    move(s, relPronoun.to, v, relPronoun.rel);
    move(s, r, subj.to, "acl");
    return;
  }
}

function subtreeOf(s: Sent, t: number): number[] {
  const out = [t];
  const seen = new Set(out);
  for (let i = 0; i < out.length; i++) for (const a of s.kids[out[i]!] ?? []) if (!seen.has(a.to)) (seen.add(a.to), out.push(a.to));
  return out;
}

/**
 * "was tabled by the EU's special representative for the dialogue, Peter Sorensen, and ...": a passive verb has no
 * object, so a name set off by commas after its by-phrase, read as its object, is in apposition to the agent.
 */
function nameAfterByPhrase(s: Sent): void {
  for (let v = 0; v < s.toks.length; v++) {
    const kids = s.kids[v] ?? [];
    if (s.toks[v]!.pos !== "VBN" || !kids.some((a) => a.rel === "aux:pass")) continue;
    const agent = kids.find((a) => (a.rel === "obl" || a.rel === "obl:by" || a.rel === "obl:agent") && (s.kids[a.to] ?? []).some((c) => c.rel === "case" && s.toks[c.to]!.lower === "by"));
    if (!agent) continue;
    const afterComma = (k: number) => s.toks[k]!.pos === "NNP" && s.toks[firstOf(s, k) - 1]?.text === ",";
    // The name read as the verb's object, or in apposition to a later phrase of the verb ("for the dialogue, X").
    let name = kids.find((a) => a.rel === "obj" && a.to > agent.to && afterComma(a.to))?.to;
    if (name === undefined && s.toks[agent.to]!.ner !== "PERSON") {
      for (const a of kids) {
        if (a.to <= agent.to || !/^obl/.test(a.rel) || s.toks[a.to]!.ner === "PERSON") continue;
        const ap = (s.kids[a.to] ?? []).find((k) => k.rel === "appos" && s.toks[k.to]!.ner === "PERSON" && afterComma(k.to));
        if (ap) name = ap.to;
      }
    }
    if (name === undefined) continue;
    move(s, name, agent.to, "appos");
  }
}

function firstOf(s: Sent, t: number): number {
  return Math.min(...subtreeOf(s, t));
}

/**
 * "Netanyahu said Israel would not agree to a ceasefire": the parser makes "said" a clausal subject of "agree"
 * with "Israel" as its object. The speech verb heads the sentence, the clause is its complement, and the noun
 * after the speech verb is the clause's subject.
 */
function speechVerbReadAsSubject(s: Sent): void {
  const root = s.head.indexOf(-1);
  if (root < 0 || !s.toks[root]!.pos.startsWith("VB")) return;
  const speech = (s.kids[root] ?? []).find((a) => a.rel === "csubj" && a.to < root && isSpeech(s.toks[a.to]!.lemma));
  if (!speech) return;
  const v = speech.to;
  const obj = (s.kids[v] ?? []).find((a) => a.rel === "obj" && a.to > v && s.toks[a.to]!.pos.startsWith("NN"));
  if (!obj || (s.kids[root] ?? []).some((a) => /^nsubj/.test(a.rel)) || !(s.kids[root] ?? []).some((a) => a.rel === "aux" && a.to > obj.to)) return;
  move(s, v, -1, "root");
  move(s, root, v, "ccomp");
  move(s, obj.to, root, (s.kids[root] ?? []).some((a) => a.rel === "aux:pass") ? "nsubj:pass" : "nsubj");
}

/**
 * "a roadmap that Hanna Tetteh presented to the Council": a clause on a noun, with "that" or "which" before its
 * own subject and no object, is a relative clause whose object is the noun (the parser may call it a complement).
 */
function relativeClauseReadAsComplement(s: Sent): void {
  for (let v = 0; v < s.toks.length; v++) {
    const noun = s.head[v]!;
    if (noun < 0 || !/^(ccomp|dep|acl)$/.test(s.rel[v]!) || !s.toks[v]!.pos.startsWith("VB") || !s.toks[noun]!.pos.startsWith("NN")) continue;
    const kids = s.kids[v] ?? [];
    const rel = kids.find((a) => a.to === noun + 1 && /^(that|which)$/.test(s.toks[a.to]!.lower) && s.toks[a.to]!.pos === "WDT");
    if (!rel || !kids.some((a) => /^nsubj/.test(a.rel) && a.to > rel.to) || kids.some((a) => /^(obj|nsubj:pass|aux:pass)$/.test(a.rel))) continue;
    relabel(s, noun, v, "acl:relcl");
    relabel(s, v, rel.to, "obj");
    // The enhanced graph links the clause's object to the noun itself, as it does for well-parsed relative clauses.
    s.ekids[v]!.push({ rel: "obj", to: noun });
    s.eheads[noun]!.push({ rel: "obj", to: v });
  }
}

/**
 * "would accept the crossings provided the other side lifted restrictions": the parser reads "the crossings
 * provided the other side" as a clause. The noun is the verb's object and "provided ..." the condition on it.
 */
function conditionReadAsClause(s: Sent): void {
  for (let c = 1; c < s.toks.length; c++) {
    if (!/^(provided|providing)$/.test(s.toks[c]!.lower) || s.rel[c] !== "ccomp") continue;
    const v = s.head[c]!;
    const subj = (s.kids[c] ?? []).find((a) => a.rel === "nsubj" && a.to < c && s.toks[a.to]!.pos.startsWith("NN"));
    if (v < 0 || !subj || (s.kids[v] ?? []).some((a) => a.rel === "obj")) continue;
    move(s, subj.to, v, "obj");
    relabel(s, v, c, "advcl");
    s.toks[c]!.pos = "IN";
  }
}

/**
 * "Egypt pledged on Thursday to open its crossings": the parser makes "Thursday" the subject of "to open" and the
 * infinitive an adverbial clause. The time belongs to the verb, and the infinitive is its complement.
 */
/**
 * "to open its land crossings for aid trucks bound for Sudan": a verb with no object whose next words are a noun
 * phrase and a participle is read as the participle's clause with the noun as its subject (dep). The noun is the
 * verb's object and the participle modifies the noun right before it.
 */
function objectReadAsParticipleSubject(s: Sent): void {
  for (let v = 0; v < s.toks.length; v++) {
    if (!/^VB[PZD]?$/.test(s.toks[v]!.pos)) continue;
    const kids = s.kids[v] ?? [];
    if (kids.some((a) => /^(obj|ccomp|xcomp|cop)$/.test(a.rel))) continue;
    for (const dep of kids) {
      if (dep.rel !== "dep" || dep.to < v || s.toks[dep.to]!.pos !== "VBN") continue;
      const part = dep.to;
      const pk = s.kids[part] ?? [];
      if (pk.some((a) => /^(aux|aux:pass|mark)$/.test(a.rel))) continue;
      const subj = pk.find((a) => a.rel === "nsubj" && a.to > v && a.to < part && s.toks[a.to]!.pos.startsWith("NN"));
      if (!subj) continue;
      // The noun phrase starts right after the verb (its determiner or possessive may come first).
      const span = subtree(s, subj.to);
      if (Math.min(...span) !== v + 1 || Math.max(...span) !== part - 1) continue;
      move(s, subj.to, v, "obj");
      const before = part - 1;
      move(s, part, s.toks[before]!.pos.startsWith("NN") ? before : subj.to, "acl");
      break;
    }
  }
}

/**
 * "At the February summit, hosted by President X, the leaders put forward a pact": an opening phrase with a
 * participle, read as the sentence's root with the main clause hung somewhere under it. The clause is the root, the
 * phrase its adjunct and the participle modifies the phrase's noun.
 */
function participleReadAsRoot(s: Sent): void {
  const r = s.head.findIndex((h) => h < 0);
  if (r < 1 || s.toks[r]!.pos !== "VBN" || s.toks[r - 1]!.text !== ",") return;
  const kids = s.kids[r] ?? [];
  if (kids.some((a) => /^(aux|aux:pass|nsubj|nsubj:pass|cop)$/.test(a.rel))) return;
  const noun = kids.find((a) => a.rel.startsWith("obl") && a.to < r && s.toks[a.to]!.pos.startsWith("NN"));
  if (!noun) return;
  const clause = subtree(s, r).find((k) => k > r && s.toks[k]!.pos.startsWith("VB") && k !== r && (s.kids[k] ?? []).some((a) => /^nsubj/.test(a.rel) && a.to > r) && /^(dep|parataxis|ccomp|conj|advcl)/.test(s.rel[k]!));
  if (clause === undefined) return;
  move(s, clause, -1, "root");
  move(s, noun.to, clause, noun.rel);
  move(s, r, noun.to, "acl");
}

/**
 * "The Kyrgyz side proposed to hold the next summit": a sentence whose root is a noun, with a past form right after
 * it read as a participle modifying it. A sentence needs a verb: the past form is the main verb, the noun its subject.
 */
function verbReadAsParticiple(s: Sent): void {
  const r = s.head.findIndex((h) => h < 0);
  if (r < 0 || !s.toks[r]!.pos.startsWith("NN")) return;
  const v = (s.kids[r] ?? []).find((a) => /^(acl|amod)$/.test(a.rel) && a.to > r && s.toks[a.to]!.pos === "VBN")?.to;
  if (v === undefined) return;
  // Only the words of the noun phrase stand between them, and the participle has no by-phrase (then it is one).
  for (let k = r + 1; k < v; k++) if (s.head[k] !== r) return;
  if ((s.kids[v] ?? []).some((a) => /^(aux|aux:pass|obl:agent|obl:by|nsubj)/.test(a.rel))) return;
  if ((s.ekids[v] ?? []).some((a) => /^(obl:agent|obl:by)$/.test(a.rel))) return;
  move(s, v, -1, "root");
  move(s, r, v, "nsubj");
  s.toks[v]!.pos = "VBD";
}

/**
 * "rejected a call from the opposition to cut the budget": an infinitive after a verb's object that is a proposing
 * noun (call, demand, request, proposal...) says what was called for, though the parser hung it on the verb as a
 * purpose.
 */
function infinitiveOfProposalNoun(s: Sent): void {
  for (let v = 0; v < s.toks.length; v++) {
    if (!s.toks[v]!.pos.startsWith("VB")) continue;
    const obj = (s.kids[v] ?? []).find((a) => a.rel === "obj" && (NOUNS.get(s.toks[a.to]!.lemma) ?? []).some((e) => e.class === "PROPOSE"))?.to;
    if (obj === undefined) continue;
    for (const a of [...(s.kids[v] ?? [])]) {
      if (!(a.rel.startsWith("advcl") || a.rel === "xcomp") || a.to <= obj || s.toks[a.to]!.pos !== "VB") continue;
      if (!(s.kids[a.to] ?? []).some((m) => m.rel === "mark" && s.toks[m.to]!.lower === "to")) continue;
      move(s, a.to, obj, "acl");
    }
  }
}

function timeReadAsSubject(s: Sent): void {
  for (let v = 0; v < s.toks.length; v++) {
    const h = s.head[v]!;
    const kids = s.kids[v] ?? [];
    if (h < 0 || !s.rel[v]!.startsWith("advcl") || s.toks[v]!.pos !== "VB" || !kids.some((a) => a.rel === "mark" && s.toks[a.to]!.lower === "to")) continue;
    const subj = kids.find((a) => a.rel === "nsubj" && a.to < v && TIME_WORDS.has(s.toks[a.to]!.lower));
    if (!subj) continue;
    move(s, subj.to, h, "obl");
    for (const a of kids) if (a.rel === "mark" && s.toks[a.to]!.pos === "IN" && a.to < subj.to) move(s, a.to, subj.to, "case");
    relabel(s, h, v, "xcomp");
  }
}