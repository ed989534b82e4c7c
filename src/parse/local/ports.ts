import net from "node:net";
import { LocalParserError } from "../errors.ts";

/** The stock server binds every IPv4 interface, so a port is free only when 0.0.0.0:port can be bound. */
const ALL_IPV4 = "0.0.0.0";

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen({ port, host: ALL_IPV4, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen({ port: 0, host: ALL_IPV4 }, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** CoreNLP's usual port. */
export const CONVENTIONAL_PORT = 9000;

/** An explicit port must be free (clear error otherwise); without one, 9000 when free, else any free port. */
export async function choosePort(explicit: number | undefined): Promise<number> {
  if (explicit !== undefined) {
    // A server that was just stopped or killed may hold its port for a moment while its JVM exits.
    const deadline = Date.now() + 3000;
    while (!(await isPortFree(explicit)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    if (!(await isPortFree(explicit))) {
      throw new LocalParserError(
        `Port ${explicit} for the local parser is already in use by another program. ` +
          "Stop that program, or choose another port with --port or KG_NLP_PORT, or leave it unset to pick a free one.",
      );
    }
    return explicit;
  }
  return (await isPortFree(CONVENTIONAL_PORT)) ? CONVENTIONAL_PORT : freePort();
}
