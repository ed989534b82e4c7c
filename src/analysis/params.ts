/** Query parameters from the command line: `name=value`, the value read as JSON when it is valid JSON, else as a string. */

export class ParamError extends Error {
  readonly userFacing = true;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function parseParamValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** Parses repeated `--param name=value` options into a parameter map (later repeats win). */
export function parseParams(pairs: string[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    const name = eq < 0 ? "" : pair.slice(0, eq).trim().replace(/^\$/, "");
    if (!NAME.test(name)) {
      throw new ParamError(`--param ${JSON.stringify(pair)}: expected name=value, e.g. --param topic=peacekeeping or --param limit=10.`);
    }
    params[name] = parseParamValue(pair.slice(eq + 1));
  }
  return params;
}
