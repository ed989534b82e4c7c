import { Command } from "commander";
import { queryCommand } from "../../src/cli/query.ts";
import { compareCommand } from "../../src/cli/compare.ts";
import { topicsCommand } from "../../src/cli/topics.ts";
import { timelineCommand } from "../../src/cli/timeline.ts";
import { exportCommand } from "../../src/cli/export.ts";
await new Command("kg").addCommand(queryCommand()).addCommand(compareCommand()).addCommand(topicsCommand()).addCommand(timelineCommand()).addCommand(exportCommand()).parseAsync(process.argv);
