import { Command } from "commander";
import { loadConfig } from "../config/index.ts";
import { checkGraph, repairGraph, type CheckFinding } from "../store/check.ts";
import { openStore } from "../store/connection.ts";
import { action } from "./errors.ts";
import { table } from "./format.ts";

export function formatFindings(findings: CheckFinding[]): string {
  const rows = findings.map((f) => [f.name, f.count, f.what, f.examples.slice(0, 2).join("; ") || "–"]);
  return table(["check", "found", "what", "examples"], rows);
}

export function checkCommand(): Command {
  return new Command("check")
    .description("Look for duplicate and dangling data in the graph (exit code 1 when any is found); --repair removes it")
    .option("--repair", "remove duplicates and dangling data, then apply the schema (its constraints keep them from coming back)")
    .option("--json", "print JSON")
    .action(
      action(async (opts: { repair?: boolean; json?: boolean }) => {
        const store = await openStore(loadConfig(), { startLocal: false });
        try {
          const before = await checkGraph(store);
          const fixed = opts.repair ? await repairGraph(store) : undefined;
          const after = opts.repair ? await checkGraph(store) : before;
          const problems = after.filter((f) => f.count > 0);
          if (opts.json) {
            process.stdout.write(`${JSON.stringify({ findings: before, ...(fixed ? { fixed, after } : {}) }, null, 2)}\n`);
          } else {
            process.stdout.write(`${formatFindings(before)}\n`);
            if (fixed) {
              const total = Object.values(fixed).reduce((a, b) => a + b, 0);
              process.stdout.write(`\nrepaired: ${total} item(s) (${Object.entries(fixed).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(", ") || "nothing to do"}); schema applied\n`);
            }
            process.stdout.write(
              problems.length === 0
                ? "the graph is consistent\n"
                : `${problems.reduce((a, f) => a + f.count, 0)} problem(s) left${opts.repair ? "" : "; run `kg check --repair` to remove them"}\n`,
            );
          }
          if (problems.length > 0) process.exitCode = 1;
        } finally {
          await store.close();
        }
      }),
    );
}
