import net from "node:net";
import { LocalNeo4jError } from "./errors.ts";

/** True when nothing listens on 127.0.0.1:port (we can bind it ourselves). */
export function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port the OS reports free right now. */
export function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen({ port: 0, host }, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** True when something accepts TCP connections on host:port within timeoutMs. */
export function isListening(port: number, host = "127.0.0.1", timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}


/**
 * The port to use: an explicit one must be free (clear error otherwise); without one,
 * the conventional port when free, else any free port. `avoid` keeps Bolt and HTTP apart.
 */
export async function choosePort(
  explicit: number | undefined,
  conventional: number,
  what: string,
  avoid: number[] = [],
  howToChoose = "choose another port",
): Promise<number> {
  if (explicit !== undefined) {
    if (avoid.includes(explicit) || !(await isPortFree(explicit))) {
      throw new LocalNeo4jError(
        `The ${what} port ${explicit} on 127.0.0.1 is already in use by another program. ` +
          `Stop that program, or ${howToChoose}, or leave it unset to pick a free one.`,
      );
    }
    return explicit;
  }
  if (!avoid.includes(conventional) && (await isPortFree(conventional))) return conventional;
  for (;;) {
    const port = await freePort();
    if (!avoid.includes(port)) return port;
  }
}
