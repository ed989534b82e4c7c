import type { Driver, ManagedTransaction, QueryResult } from "neo4j-driver";

/** Neo4j's own account of the work a query did: database hits, summed over its plan's operators. */
type Plan = { dbHits?: number; children?: Plan[] };
function dbHits(plan: Plan | false | undefined): number {
  if (!plan) return 0;
  return (plan.dbHits ?? 0) + (plan.children ?? []).reduce((n, c) => n + dbHits(c), 0);
}

export type Work = { queries: number; dbHits: number };

/**
 * A driver that runs every query with PROFILE and adds up the database hits Neo4j reports, so a test can say how
 * much of the graph a route read. It wraps what the readers use: executeQuery, sessions' executeRead/executeWrite
 * and run. Tests only.
 */
export function profilingDriver(driver: Driver): { driver: Driver; work: Work; reset(): void } {
  const work: Work = { queries: 0, dbHits: 0 };
  const add = (summary: { profile: unknown }) => {
    work.queries += 1;
    work.dbHits += dbHits(summary.profile as Plan);
  };
  const count = (result: QueryResult) => {
    add(result.summary);
    return result;
  };
  const profiled = (query: string) => `PROFILE ${query}`;
  /** A transaction's result, awaited or streamed (for await): counted either way. */
  const wrapResult = (result: ReturnType<ManagedTransaction["run"]>) =>
    new Proxy(result, {
      get(target, prop) {
        if (prop === "then") {
          return (onFulfilled?: (r: QueryResult) => unknown, onRejected?: (e: unknown) => unknown) => target.then(count).then(onFulfilled, onRejected);
        }
        if (prop === Symbol.asyncIterator) {
          return async function* () {
            for await (const record of target) yield record;
            add(await target.summary());
          };
        }
        const value = Reflect.get(target, prop);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  const wrapTx = (tx: ManagedTransaction) =>
    new Proxy(tx, {
      get(target, prop) {
        if (prop === "run") return (query: string, params?: Record<string, unknown>) => wrapResult(target.run(profiled(query), params));
        const value = Reflect.get(target, prop);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  const wrapped = new Proxy(driver, {
    get(target, prop) {
      if (prop === "executeQuery") {
        return (query: string, params?: Record<string, unknown>, config?: object) =>
          (target.executeQuery as (q: string, p?: object, c?: object) => Promise<QueryResult>)(profiled(query), params, config).then(count);
      }
      if (prop === "session") {
        return (config?: object) => {
          const session = target.session(config);
          return new Proxy(session, {
            get(s, sp) {
              if (sp === "executeRead" || sp === "executeWrite") {
                return (fn: (tx: ManagedTransaction) => unknown, txConfig?: object) =>
                  (s[sp] as (f: (tx: ManagedTransaction) => unknown, c?: object) => Promise<unknown>)((tx) => fn(wrapTx(tx)), txConfig);
              }
              if (sp === "run") return (query: string, params?: Record<string, unknown>) => s.run(profiled(query), params).then(count);
              const value = Reflect.get(s, sp);
              return typeof value === "function" ? value.bind(s) : value;
            },
          });
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return {
    driver: wrapped,
    work,
    reset() {
      work.queries = 0;
      work.dbHits = 0;
    },
  };
}
