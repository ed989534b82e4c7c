import { QueryRefusedError } from "./errors.ts";
import { checkExpressionLimits, checkParams } from "./limits.ts";

/**
 * The lexical half of the read-only check (the other half is Neo4j's own planner, see runner.ts).
 * It works on tokens, so comments and string literals cannot hide or fake a keyword, and it errs on the
 * side of refusing: a keyword spelled with Unicode look-alikes or invisible characters is still caught.
 */

export type TokenKind = "word" | "quoted" | "string" | "number" | "param" | "punct";
export interface Token {
  kind: TokenKind;
  /** For words: NFKC-normalised upper case; for quoted identifiers: the name; for punctuation: the character. */
  text: string;
  /** Words only: the spelling as written (procedure names are case-sensitive). */
  raw?: string;
  /** Offset in the original query, for messages. */
  at: number;
}

/** Read procedures the console may call; everything else (apoc.*, db.create*, dbms.*, gds.*) is refused. */
export const READ_PROCEDURES: readonly string[] = [
  "db.labels",
  "db.relationshipTypes",
  "db.propertyKeys",
  "db.info",
  "db.schema.visualization",
  "db.schema.nodeTypeProperties",
  "db.schema.relTypeProperties",
  "db.index.fulltext.queryNodes",
  "db.index.fulltext.queryRelationships",
  "dbms.components",
];

/** Words that start a write, schema or admin clause. */
const WRITE_WORDS: Record<string, string> = {
  CREATE: "CREATE writes nodes, relationships, indexes or databases",
  MERGE: "MERGE writes nodes or relationships",
  DELETE: "DELETE removes data",
  DETACH: "DETACH DELETE removes data",
  NODETACH: "NODETACH DELETE removes data",
  SET: "SET changes properties or labels",
  REMOVE: "REMOVE changes properties or labels",
  FOREACH: "FOREACH only runs updating clauses",
  INSERT: "INSERT writes data",
  LOAD: "LOAD CSV reads files into the database",
  DROP: "DROP is a schema or admin command",
  ALTER: "ALTER is an admin command",
  GRANT: "GRANT is an admin command",
  DENY: "DENY is an admin command",
  REVOKE: "REVOKE is an admin command",
  RENAME: "RENAME is an admin command",
  TERMINATE: "TERMINATE is an admin command",
  ENABLE: "ENABLE is an admin command",
  DEALLOCATE: "DEALLOCATE is an admin command",
  REALLOCATE: "REALLOCATE is an admin command",
  DRYRUN: "DRYRUN is an admin command",
  USE: "USE switches to another database; the console reads the configured one only",
  TRANSACTIONS: "CALL { ... } IN TRANSACTIONS (and transaction commands) are not allowed",
  PROFILE: "PROFILE is not supported in the console; run the query without it",
  EXPLAIN: "EXPLAIN is not supported in the console; run the query without it",
};

/** SHOW commands that only describe the schema or the available functions. */
const SHOW_ALLOWED = new Set(["INDEX", "INDEXES", "CONSTRAINT", "CONSTRAINTS", "FUNCTION", "FUNCTIONS", "PROCEDURE", "PROCEDURES"]);

const IDENT = /[\p{L}\p{N}_]/u;
// Invisible format characters (zero-width space, joiners, BOM...) are ignored so "CRE\u200BATE" reads as CREATE.
const INVISIBLE = /\p{Cf}/gu;

/** Splits Cypher into tokens; comments vanish, string literals become opaque tokens. */
export function tokenize(query: string): Token[] {
  const src = query;
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/[\s\p{Cf}]/u.test(c)) {
      i += 1;
    } else if (c === "/" && src[i + 1] === "/") {
      while (i < src.length && src[i] !== "\n" && src[i] !== "\r") i += 1;
    } else if (c === "/" && src[i + 1] === "*") {
      const end = src.indexOf("*/", i + 2);
      if (end < 0) throw new QueryRefusedError("/*", "the query has a comment that is never closed (/* without */).");
      i = end + 2;
    } else if (c === "'" || c === '"') {
      const start = i;
      i += 1;
      while (i < src.length && src[i] !== c) i += src[i] === "\\" ? 2 : 1;
      if (i >= src.length) throw new QueryRefusedError(c, `the query has a string literal that is never closed (${c}).`);
      i += 1;
      tokens.push({ kind: "string", text: "", at: start });
    } else if (c === "`") {
      const start = i;
      let name = "";
      i += 1;
      for (;;) {
        if (i >= src.length) throw new QueryRefusedError("`", "the query has a quoted name that is never closed (`).");
        if (src[i] === "`" && src[i + 1] === "`") {
          name += "`";
          i += 2;
        } else if (src[i] === "`") {
          i += 1;
          break;
        } else {
          name += src[i];
          i += 1;
        }
      }
      tokens.push({ kind: "quoted", text: name, at: start });
    } else if (c === "$") {
      const start = i;
      i += 1;
      if (src[i] === "`") {
        const end = src.indexOf("`", i + 1);
        i = end < 0 ? src.length : end + 1;
      } else while (i < src.length && IDENT.test(src[i]!)) i += 1;
      tokens.push({ kind: "param", text: src.slice(start, i), at: start });
    } else if (/[0-9]/.test(c)) {
      const start = i;
      while (i < src.length && /[0-9A-Za-z_.]/.test(src[i]!) && !(src[i] === "." && src[i + 1] === ".")) i += 1;
      tokens.push({ kind: "number", text: src.slice(start, i), at: start });
    } else if (IDENT.test(c)) {
      const start = i;
      while (i < src.length && (IDENT.test(src[i]!) || /\p{Cf}/u.test(src[i]!))) i += 1;
      const raw = src.slice(start, i).replace(INVISIBLE, "");
      tokens.push({ kind: "word", text: raw.normalize("NFKC").toUpperCase(), raw, at: start });
    } else {
      tokens.push({ kind: "punct", text: c, at: i });
      i += 1;
    }
  }
  return tokens;
}

/** A word used as a property key, label, relationship type or map key is a name, not a keyword. */
function isName(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (prev?.kind === "punct" && (prev.text === "." || prev.text === ":")) return true;
  if (next?.kind === "punct" && next.text === ":" && prev?.kind === "punct" && (prev.text === "{" || prev.text === ",")) return true;
  return false;
}

/** Reads a dotted procedure name starting at tokens[i]; returns the name and the index after it. */
function dottedName(tokens: Token[], i: number): { name: string; next: number } {
  const parts: string[] = [];
  let j = i;
  for (;;) {
    const t = tokens[j];
    if (!t || (t.kind !== "word" && t.kind !== "quoted")) break;
    // Keep the user's spelling (procedure names are case-sensitive); quoted parts keep their content.
    parts.push(t.kind === "quoted" ? t.text : (t.raw ?? t.text));
    const dot = tokens[j + 1];
    if (dot?.kind === "punct" && dot.text === ".") j += 2;
    else {
      j += 1;
      break;
    }
  }
  return { name: parts.join("."), next: j };
}

export interface GuardResult {
  /** The query to send: trailing semicolons removed. */
  query: string;
  /** The procedures it CALLs (all on the allow-list). */
  procedures: string[];
}

/**
 * Allow-listed procedures that Neo4j runs in DBMS mode: its planner calls a query using them a "schema" query ("s")
 * although they only read (dbms.components() lists versions and edition).
 */
export const DBMS_READ_PROCEDURES: readonly string[] = ["dbms.components"];

/**
 * Refuses anything that is not a single read-only statement, naming the clause at fault.
 * Throws QueryRefusedError; returns the query to run otherwise.
 */
export function checkReadOnly(query: string, params: Record<string, unknown> = {}): GuardResult {
  const tokens = tokenize(query);
  if (tokens.length === 0) throw new QueryRefusedError("", "the query is empty.");

  // One statement only: a ';' may only end the query.
  const semi = tokens.findIndex((t) => t.kind === "punct" && t.text === ";");
  if (semi >= 0 && tokens.slice(semi).some((t) => !(t.kind === "punct" && t.text === ";"))) {
    throw new QueryRefusedError(";", "the query contains several statements separated by ';'; run one statement at a time.");
  }

  const procedures: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i]!;
    if (t.kind !== "word" || isName(tokens, i)) continue;
    const next = tokens[i + 1];
    const reason = WRITE_WORDS[t.text];
    if (reason) throw new QueryRefusedError(t.text, `${reason} — the console is read-only (clause ${t.text} at offset ${t.at}).`);
    if ((t.text === "START" || t.text === "STOP") && next?.kind === "word" && (next.text === "DATABASE" || next.text === "SERVER")) {
      throw new QueryRefusedError(`${t.text} ${next.text}`, `${t.text} ${next.text} is an admin command — the console is read-only.`);
    }
    if (t.text === "SHOW") {
      const words = tokens.slice(i + 1, i + 5).filter((w) => w.kind === "word").map((w) => w.text);
      const userAdmin = words.includes("USERS") || (words.includes("USER") && !words.includes("FUNCTIONS"));
      if (!words.some((w) => SHOW_ALLOWED.has(w)) || userAdmin) {
        throw new QueryRefusedError(`SHOW ${words[0] ?? ""}`.trim(), `SHOW ${words[0] ?? ""} is an admin command; only SHOW INDEXES / CONSTRAINTS / FUNCTIONS / PROCEDURES are allowed.`);
      }
    }
    if (t.text === "APOC" && next?.kind === "punct" && next.text === ".") {
      throw new QueryRefusedError("apoc.*", "APOC procedures and functions are not allowed in the read-only console.");
    }
    if (t.text === "CALL") {
      // CALL { ... } and CALL (vars) { ... } are subqueries: their clauses are checked like the rest.
      if (next?.kind === "punct" && (next.text === "{" || next.text === "(")) continue;
      const { name } = dottedName(tokens, i + 1);
      if (!name) throw new QueryRefusedError("CALL", "CALL must name a procedure.");
      if (/^apoc\./i.test(name)) throw new QueryRefusedError(name, `procedure ${name}: APOC procedures are not allowed in the read-only console.`);
      if (!READ_PROCEDURES.includes(name)) {
        throw new QueryRefusedError(
          name,
          `procedure ${name} is not on the read-only allow-list (${READ_PROCEDURES.join(", ")}).`,
        );
      }
      procedures.push(name);
    }
  }
  checkExpressionLimits(tokens, params, isName);
  checkParams(params);
  const end = semi >= 0 ? tokens[semi]!.at : query.length;
  return { query: query.slice(0, end).trimEnd(), procedures };
}

/**
 * The resource limits alone (for `kg query --write`, which skips the read-only check): expressions Neo4j cannot
 * interrupt at the timeout, nesting, and the size of the parameters.
 */
export function checkResourceLimits(query: string, params: Record<string, unknown> = {}): void {
  checkExpressionLimits(tokenize(query), params, isName);
  checkParams(params);
}
