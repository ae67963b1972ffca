// `npm run audit`: the advisories of the production dependencies (npm audit --omit=dev). Fails on a high or
// critical advisory; says so, without failing, when the registry's advisory service cannot be reached
// (an offline mirror answers 405), since that says nothing about the dependencies.
import { spawnSync } from "node:child_process";

const result = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8", timeout: 120_000 });
let report;
try {
  report = JSON.parse(result.stdout);
} catch {
  report = undefined;
}
const counts = report?.metadata?.vulnerabilities;
if (!counts) {
  const why = report?.message ?? report?.error?.summary ?? result.error?.message ?? "no answer";
  console.log(`npm audit: the advisory service could not be reached (${why}); advisories not checked.`);
  process.exit(0);
}
const line = ["critical", "high", "moderate", "low", "info"].map((k) => `${counts[k] ?? 0} ${k}`).join(", ");
console.log(`npm audit --omit=dev: ${line}`);
for (const [name, v] of Object.entries(report.vulnerabilities ?? {})) {
  if (v.severity === "high" || v.severity === "critical") {
    const fix = v.fixAvailable === false ? "no fix available" : "fix available";
    console.log(`  ${v.severity}: ${name} ${v.range} (${fix})`);
  }
}
process.exit((counts.high ?? 0) + (counts.critical ?? 0) > 0 ? 1 : 0);
