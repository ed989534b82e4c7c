import type { ParserEndpoint } from "./http.ts";

/** How long a server that did not answer is tried only after the others. */
export const DEFAULT_COOLDOWN_MS = 15_000;

/**
 * Several parser servers (KG_NLP_URL with commas) used in turn: each request goes to the next one, so the load is
 * spread evenly. A server that fails to answer (refused, timed out, 5xx) is set aside for a while: requests go to
 * the others first, and it is tried again when none is left or its time is up. With one server (or a load
 * balancer's one URL) this is just that server.
 */
export class EndpointRotation {
  private cursor = 0;
  private readonly downUntil = new Map<ParserEndpoint, number>();

  constructor(
    readonly endpoints: readonly ParserEndpoint[],
    private readonly cooldownMs = DEFAULT_COOLDOWN_MS,
    private readonly now: () => number = Date.now,
  ) {
    if (endpoints.length === 0) throw new Error("EndpointRotation needs at least one endpoint");
  }

  get size(): number {
    return this.endpoints.length;
  }

  /**
   * The server for the next attempt of a request that already tried `tried`: the next one in turn that is up and
   * not yet tried; else one not yet tried (set aside); else, every one tried, the next in turn.
   */
  pick(tried: ReadonlySet<ParserEndpoint> = new Set()): ParserEndpoint {
    const n = this.endpoints.length;
    const order = Array.from({ length: n }, (_, k) => this.endpoints[(this.cursor + k) % n]!);
    const now = this.now();
    const chosen =
      order.find((e) => !tried.has(e) && (this.downUntil.get(e) ?? 0) <= now) ??
      order.filter((e) => !tried.has(e)).sort((a, b) => this.downUntil.get(a)! - this.downUntil.get(b)!)[0] ??
      order[0]!;
    this.cursor = (this.endpoints.indexOf(chosen) + 1) % n;
    return chosen;
  }

  /** The server did not answer properly: others go first for a while. */
  failed(endpoint: ParserEndpoint): void {
    if (this.endpoints.length > 1) this.downUntil.set(endpoint, this.now() + this.cooldownMs);
  }

  succeeded(endpoint: ParserEndpoint): void {
    this.downUntil.delete(endpoint);
  }
}
