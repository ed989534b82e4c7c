import { formatBytes } from "../article/decode.ts";

/** One line of a JSONL stream: its parsed value, or why it could not be read (the other lines go on). */
export type JsonLine = { line: number } & LineContent;
type LineContent = { value: unknown; failure?: undefined } | { value?: undefined; failure: { reason: string; hint: string } };

/** A problem with the stream as a whole (binary, UTF-16): nothing of it is read. */
export class JsonLinesStreamError extends Error {
  constructor(
    readonly reason: string,
    readonly hint: string,
  ) {
    super(reason);
  }
}

const NEWLINE = 0x0a;
const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads a JSONL stream line by line without holding more than one line (files of any size: a year of extracted
 * news is gigabytes). Blank lines are skipped; a line longer than maxLineBytes, not UTF-8 or not JSON is a failure
 * of that line, numbered from 1. A stream that starts like a binary or UTF-16 file throws JsonLinesStreamError.
 */
export async function* readJsonLines(stream: AsyncIterable<Buffer | string>, options: { maxLineBytes: number }): AsyncGenerator<JsonLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let line = 1;
  let first = true;

  function* finish(): Generator<JsonLine> {
    const number = line++;
    if (tooLong) {
      yield {
        line: number,
        failure: {
          reason: `line is too long (over the limit of ${formatBytes(options.maxLineBytes)})`,
          hint: "one document per line; raise the limit with --max-bytes or KG_MAX_FILE_BYTES if the document is meant",
        },
      };
    } else if (size > 0) {
      const parsed = parseLine(parts.length === 1 ? parts[0]! : Buffer.concat(parts, size), number === 1);
      if (parsed) yield { line: number, ...parsed };
    }
    parts = [];
    size = 0;
    tooLong = false;
  }

  for await (const chunk of stream) {
    let buffer = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    if (first && buffer.length > 0) {
      first = false;
      checkStart(buffer);
    }
    while (buffer.length > 0) {
      const end = buffer.indexOf(NEWLINE);
      const piece = end === -1 ? buffer : buffer.subarray(0, end);
      if (!tooLong) {
        if (size + piece.length > options.maxLineBytes) {
          tooLong = true;
          parts = [];
        } else if (piece.length > 0) parts.push(piece);
        size += piece.length;
      }
      if (end === -1) break;
      yield* finish();
      buffer = buffer.subarray(end + 1);
    }
  }
  yield* finish();
}

/** The value of one line's bytes, or its failure; null for a blank line. */
function parseLine(bytes: Buffer, isFirst: boolean): LineContent | null {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { failure: { reason: "line is not valid UTF-8", hint: "write the file as UTF-8 (as `kg extract` does)" } };
  }
  if (isFirst && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") return null;
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).split("\n")[0]!;
    return {
      failure: {
        reason: `malformed JSON: ${message.length > 160 ? `${message.slice(0, 160)}…` : message}`,
        hint: "each line must be one complete JSON document (as `kg extract --format jsonl` writes them)",
      },
    };
  }
}

/** The start of a stream that is no JSONL text at all. */
function checkStart(buffer: Buffer): void {
  if ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff)) {
    throw new JsonLinesStreamError("file is UTF-16 text, not UTF-8", "save it as UTF-8 (e.g. `iconv -f UTF-16 -t UTF-8 in > out`)");
  }
  if (buffer.subarray(0, 8192).includes(0)) {
    throw new JsonLinesStreamError("file is binary (it holds NUL bytes), not JSONL text", "give the JSONL files `kg extract --format jsonl` writes");
  }
}
