import type { ExportView } from "./view-data.ts";

/**
 * GEXF 1.3 that validates against the published XSD (http://gexf.net/1.3/gexf.xsd) and opens in Gephi: every node with
 * its type, role, size metric and community, position, size and colour; every fact as an edge with its quote, stance,
 * date, source, article, confidence, CAMEO and PLOVER codes and the number of articles reporting it.
 *
 * The XSD declares color/position/size in the GEXF namespace (its RELAX NG source puts them in the viz namespace);
 * this writer follows the XSD. Gephi and graphology-gexf read these elements by local name either way.
 */
type Column = { id: string; type: "string" | "integer" | "double" | "boolean" };

const NODE_COLUMNS: Column[] = [
  { id: "type", type: "string" },
  { id: "role", type: "string" },
  { id: "degree", type: "integer" },
  { id: "community", type: "integer" },
  { id: "pinned", type: "boolean" },
];
const EDGE_COLUMNS: Column[] = [
  { id: "relation", type: "string" },
  { id: "quote", type: "string" },
  { id: "stance", type: "string" },
  { id: "date", type: "string" },
  { id: "source", type: "string" },
  { id: "articleId", type: "string" },
  { id: "articleTitle", type: "string" },
  { id: "url", type: "string" },
  { id: "confidence", type: "double" },
  { id: "cameo", type: "string" },
  { id: "plover", type: "string" },
  { id: "supportingArticles", type: "integer" },
];

/** Text as an XML attribute value: markup escaped, line breaks kept as character references, characters XML 1.0 forbids dropped. */
export function xmlAttr(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
    .replace(/[&<>"\n\r\t]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;" })[c]!);
}

function hexToRgb(hex: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : null;
}

const finite = (n: number | null | undefined): n is number => typeof n === "number" && Number.isFinite(n);

function attvalues(values: Record<string, string | number | boolean | null | undefined>, columns: Column[]): string {
  const items = columns
    .filter((c) => values[c.id] !== null && values[c.id] !== undefined && values[c.id] !== "")
    .map((c) => `<attvalue for="${c.id}" value="${xmlAttr(String(values[c.id]))}"/>`);
  return items.length ? `<attvalues>${items.join("")}</attvalues>` : "";
}

export function writeGexf(view: ExportView, options: { date?: Date; pinned?: Set<string> } = {}): string {
  const date = (options.date ?? new Date()).toISOString().slice(0, 10);
  const metricColumn: Column = { id: view.sizeBy, type: "double" };
  const nodeColumns = [...NODE_COLUMNS.filter((c) => c.id !== "community" || view.communities), ...(view.sizeBy === "degree" ? [] : [metricColumn])];
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${date}">`,
    "    <creator>news-kg graph explorer</creator>",
    `    <description>${xmlAttr(view.caption)}</description>`,
    "  </meta>",
    '  <graph defaultedgetype="directed" mode="static">',
    '    <attributes class="node">',
    ...nodeColumns.map((c) => `      <attribute id="${c.id}" title="${c.id}" type="${c.type}"/>`),
    "    </attributes>",
    '    <attributes class="edge">',
    ...EDGE_COLUMNS.map((c) => `      <attribute id="${c.id}" title="${c.id}" type="${c.type}"/>`),
    "    </attributes>",
    `    <nodes count="${view.nodes.length}">`,
  ];
  for (const { key, attrs } of view.nodes) {
    const values = {
      type: attrs.entityType,
      role: attrs.role ?? null,
      degree: Math.round(attrs.degree ?? 0),
      community: view.communities ? (attrs.community ?? -1) : null,
      pinned: options.pinned?.has(key) ? true : null,
      [view.sizeBy]: view.sizeBy !== "degree" && finite(attrs.metric) ? attrs.metric : null,
    };
    const rgb = hexToRgb(attrs.color);
    const viz = [
      rgb ? `<color r="${rgb[0]}" g="${rgb[1]}" b="${rgb[2]}"/>` : "",
      finite(attrs.x) && finite(attrs.y) ? `<position x="${attrs.x}" y="${attrs.y}"/>` : "",
      finite(attrs.size) ? `<size value="${attrs.size}"/>` : "",
    ].join("");
    lines.push(`      <node id="${xmlAttr(key)}" label="${xmlAttr(attrs.label)}">${attvalues(values, nodeColumns)}${viz}</node>`);
  }
  lines.push("    </nodes>", `    <edges count="${view.edges.length}">`);
  for (const { key, source, target, attrs, fact } of view.edges) {
    const values = {
      relation: attrs.relation,
      quote: fact?.evidence ?? null,
      stance: fact?.stance ?? attrs.stance ?? null,
      date: attrs.date ?? fact?.date ?? null,
      source: attrs.articleSource ?? fact?.articleSource ?? null,
      articleId: attrs.articleId,
      articleTitle: fact?.articleTitle ?? null,
      url: fact?.articleUrl ?? null,
      confidence: finite(attrs.confidence) ? attrs.confidence : null,
      cameo: fact?.cameo ?? null,
      plover: fact?.plover ?? null,
      supportingArticles: attrs.support ?? 1,
    };
    lines.push(
      `      <edge id="${xmlAttr(key)}" source="${xmlAttr(source)}" target="${xmlAttr(target)}" label="${xmlAttr(attrs.relation)}" kind="${xmlAttr(attrs.relation)}" weight="1">${attvalues(values, EDGE_COLUMNS)}</edge>`,
    );
  }
  lines.push("    </edges>", "  </graph>", "</gexf>", "");
  return lines.join("\n");
}
