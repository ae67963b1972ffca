// `npm run db:backup [-- --out FILE]`: a backup of the database `npm start` uses. With DATABASE_URL, that
// server database with pg_dump (custom format); without, the embedded database's data directory as a
// .tar.gz. Default file: backups/<database>-<time>.dump or backups/embedded-<time>.tar.gz.
import path from "node:path";
import { parseArgs } from "node:util";
import { backupEmbedded, backupServer, backupsDir, describeCounts, describeUrl, formatBytes, timestamp, unusedPath } from "./lib/backup";
import { embeddedDataDir, loadDotEnv } from "./lib/embedded";
import { reportFailure, shownPath, userPath } from "./lib/cli";

const USAGE = "Usage: npm run db:backup [-- --out FILE]";

async function main() {
  loadDotEnv();
  const { values } = parseArgs({ options: { out: { type: "string", short: "o" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const url = process.env.DATABASE_URL;
  if (url && !/^postgres(ql)?:\/\//.test(url)) throw new Error("DATABASE_URL must be a postgresql:// connection URL.");
  const out = (name: string, extension: string) =>
    values.out ? userPath(values.out) : unusedPath(path.join(backupsDir(), `${name}-${timestamp()}`), extension);

  const log = (line: string) => console.log(line);
  const result = url
    ? await backupServer({ url, out: out(describeUrl(url).database, ".dump"), log })
    : await backupEmbedded({ dataDir: embeddedDataDir(), out: out("embedded", ".tar.gz"), log });

  console.log(`Wrote ${shownPath(result.file)} (${formatBytes(result.bytes)}; ${result.source}):`);
  for (const line of describeCounts(result.counts)) console.log(`  ${line}`);
  console.log(`Restore it with: npm run db:restore -- ${shownPath(result.file)}`);
}

main().catch((error: unknown) => reportFailure(error, USAGE));
