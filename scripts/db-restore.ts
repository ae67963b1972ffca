// `npm run db:restore -- FILE [--force]`: puts a backup made by `npm run db:backup` back. With DATABASE_URL,
// into that server database (created when missing; one that holds data only with --force, after saving its
// contents to backups/); without, into the embedded database, whose current data directory is kept aside.
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { describeCounts, restoreEmbedded, restoreServer } from "./lib/backup";
import { embeddedDataDir, loadDotEnv } from "./lib/embedded";
import { reportFailure, shownPath, userPath } from "./lib/cli";

const USAGE = "Usage: npm run db:restore -- FILE [--force]   (--clean is the same as --force)";

async function main() {
  loadDotEnv();
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { force: { type: "boolean" }, clean: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length !== 1) {
    console.error(positionals.length === 0 ? "Which backup? Name the file to restore." : "Name one file to restore.");
    console.error(USAGE);
    process.exit(1);
  }
  const file = userPath(positionals[0]);
  if (!existsSync(file)) throw new Error(`${file} does not exist.`);
  const force = Boolean(values.force || values.clean);
  const url = process.env.DATABASE_URL;
  if (url && !/^postgres(ql)?:\/\//.test(url)) throw new Error("DATABASE_URL must be a postgresql:// connection URL.");
  const log = (line: string) => console.log(line);

  if (url) {
    const result = await restoreServer({ url, file, force, log });
    console.log(`Restored ${shownPath(file)} into ${result.database}:`);
    for (const line of describeCounts(result.counts)) console.log(`  ${line}`);
    if (result.savedFirst) console.log(`Its previous contents are in ${shownPath(result.savedFirst.file)}.`);
    console.log(result.migrations);
    console.log("Restart Backbone if it is running.");
  } else {
    const result = await restoreEmbedded({ dataDir: embeddedDataDir(), file, log });
    console.log(`Restored ${shownPath(file)} into the embedded database in ${shownPath(result.dataDir)}:`);
    for (const line of describeCounts(result.counts)) console.log(`  ${line}`);
    if (result.keptAside) {
      console.log(
        `The data directory that was there is kept as ${shownPath(result.keptAside)} (nothing was deleted; ` +
          "delete it when you no longer need it, or move it back to undo the restore while Backbone is stopped).",
      );
    }
    if (force) console.log("(--force is not needed for the embedded database: the old data directory is always kept aside.)");
    console.log(result.migrations);
  }
}

main().catch((error: unknown) => reportFailure(error, USAGE));
