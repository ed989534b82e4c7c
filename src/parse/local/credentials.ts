import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import { LocalParserError } from "../errors.ts";
import { writePrivateFile } from "./runfile.ts";

/** HOME/credentials.json: the HTTP basic-auth user and password of this home's server (mode 0600). */
const CredentialsSchema = z.object({
  user: z.string().regex(/^[A-Za-z0-9_-]{32,}$/),
  password: z.string().regex(/^[A-Za-z0-9_-]{32,}$/),
});
export type Credentials = z.infer<typeof CredentialsSchema>;

/** 32+ random characters from the URL-safe alphabet (no ':' that basic auth would split at, nothing to escape). */
const randomToken = (bytes: number) => randomBytes(bytes).toString("base64url");

/** The home's credentials, created at random on first use and kept for later starts. */
export async function homeCredentials(file: string): Promise<Credentials> {
  if (existsSync(file)) {
    const parsed = CredentialsSchema.safeParse(safeJson(readFileSync(file, "utf8")));
    if (parsed.success) return parsed.data;
    throw new LocalParserError(`${file} is not a valid credentials file: delete it (new credentials are made at the next start) and start again.`);
  }
  const credentials = { user: `kg-${randomToken(24)}`, password: randomToken(36) };
  await writePrivateFile(file, `${JSON.stringify(credentials, null, 2)}\n`);
  return credentials;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
