/** Bytes to text, refusing what is not UTF-8 text: the reasons and hints of those refusals. */

export interface DecodeProblem {
  reason: string;
  hint: string;
}

/** Default largest input accepted, in bytes (option maxBytes). */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, "")} KB`;
  return `${bytes} bytes`;
}

/** `sizeKnown` false: reading stopped at the limit, so the size is only a lower bound (stdin). */
export function tooLarge(size: number, maxBytes: number, sizeKnown = true): DecodeProblem {
  return {
    reason: `file is too large (${sizeKnown ? "" : "over "}${formatBytes(sizeKnown ? size : maxBytes)}; the limit is ${formatBytes(maxBytes)})`,
    hint: "split it into smaller files, or raise the limit with the maxBytes option",
  };
}

/** UTF-8 text of the bytes, or why they are not article text (empty, binary, another encoding). */
export function decodeText(bytes: Uint8Array): { ok: true; text: string } | ({ ok: false } & DecodeProblem) {
  if (bytes.length === 0) return { ok: false, reason: "file is empty", hint: "put an article in it, or leave it out of the batch" };
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) {
    return { ok: false, reason: "file is UTF-16 text, not UTF-8", hint: "save it as UTF-8 (e.g. `iconv -f UTF-16 -t UTF-8 in > out`)" };
  }
  if (bytes.includes(0)) {
    return { ok: false, reason: "file is binary (it holds NUL bytes), not text", hint: "give a text file: .txt, .md, .json, .jsonl or .html" };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    return {
      ok: false,
      reason: `file is not valid UTF-8${offset === undefined ? "" : ` (first bad byte at offset ${offset})`}`,
      hint: "convert it to UTF-8 (e.g. `iconv -f WINDOWS-1252 -t UTF-8 in > out`)",
    };
  }
  if (text.trim() === "") return { ok: false, reason: "file is empty (only whitespace)", hint: "put an article in it, or leave it out of the batch" };
  return { ok: true, text };
}

/** Offset of the first byte that breaks UTF-8, found by decoding growing prefixes with a streaming decoder. */
function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for (let i = 0; i < bytes.length; i++) {
    try {
      decoder.decode(bytes.subarray(i, i + 1), { stream: true });
    } catch {
      // The decoder notices a broken sequence at the byte after its lead byte: report the lead byte.
      for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
        const byte = bytes[k] ?? 0;
        if ((byte & 0xc0) === 0x80) continue;
        return byte >= 0xc0 ? k : i;
      }
      return i;
    }
  }
  return undefined;
}
