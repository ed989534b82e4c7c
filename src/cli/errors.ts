import { ConfigError, debugEnabled } from "../config/index.ts";
import { Neo4jUnavailableError } from "../store/errors.ts";

/** An error whose message is already written for the user: printed as is, without a stack trace. */
export class UserError extends Error {}

const USER_FACING = [UserError, ConfigError, Neo4jUnavailableError];

/** Wraps a command's action: known failures become a clear message and exit code 1, never a stack trace. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (err) {
      process.exitCode = 1;
      if (USER_FACING.some((cls) => err instanceof cls) || (err as { userFacing?: boolean })?.userFacing) {
        process.stderr.write(`kg: ${(err as Error).message}\n`);
        return;
      }
      const msg = err instanceof Error ? err.message : String(err);
      process.stderr.write(`kg: unexpected error: ${msg}\n`);
      if (debugEnabled()) process.stderr.write(`${(err as Error)?.stack ?? ""}\n`);
      else process.stderr.write("(set KG_DEBUG=1 for details)\n");
    }
  };
}
