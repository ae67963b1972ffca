// `npm run bench:archives`: how long each hostile archive of lib/imports/hostile-archives.ts takes to be
// refused and how much memory it costs, read as the import preview reads an upload. Prints one line per
// archive: size, time, growth of the process's peak memory (resident set) and the first reason given.
// Target: each under 1 s and under 100 MB; a miss prints OVER (the command fails only on an error).
import { hostileArchives } from "../lib/imports/hostile-archives";
import { parseActivityFile } from "../lib/imports";

const MB = 1024 * 1024;

async function main() {
  const archives = await hostileArchives();
  // Warm up the parser on a harmless file so its first-use costs are not counted against an archive.
  await parseActivityFile("warm.gpx", new TextEncoder().encode("<gpx></gpx>"), { timeZone: "UTC" });
  console.log("archive               upload    time     peak RSS growth  reason");
  let worstMs = 0;
  let worstMb = 0;
  for (const archive of archives) {
    global.gc?.();
    const peakBefore = process.resourceUsage().maxRSS * 1024;
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const result = await parseActivityFile(archive.name, archive.bytes, { timeZone: "UTC" });
    const ms = performance.now() - started;
    const peakAfter = process.resourceUsage().maxRSS * 1024;
    // Growth of the peak over what the process held before this archive.
    const grew = Math.max(0, peakAfter - Math.max(peakBefore, rssBefore)) / MB;
    worstMs = Math.max(worstMs, ms);
    worstMb = Math.max(worstMb, grew);
    const verdict = ms < 1000 && grew < 100 && result.sessions.length === 0 ? "PASS" : "OVER";
    console.log(
      `${archive.name.padEnd(20)} ${(archive.bytes.length / MB).toFixed(2).padStart(6)} MB ${ms.toFixed(0).padStart(6)} ms ${grew.toFixed(1).padStart(10)} MB  ${verdict}  ${result.errors[0]?.message ?? "(no reason)"}`,
    );
  }
  console.log(`worst: ${worstMs.toFixed(0)} ms, ${worstMb.toFixed(1)} MB (targets < 1000 ms, < 100 MB)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
