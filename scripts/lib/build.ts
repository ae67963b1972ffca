import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { root } from "./processes";

/** Where `next build` writes (next.config.js reads the same variable). */
export const distDir = () => path.resolve(root, process.env.NEXT_DIST_DIR || ".next");

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === "generated" || entry === "node_modules" || entry.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** Whether a production build exists that is newer than every source it was built from. */
export function buildIsCurrent(dir = distDir()): boolean {
  const buildId = path.join(dir, "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "lib", "proxy.ts", "instrumentation.ts", "next.config.js", "package-lock.json", "prisma/schema.prisma", "tsconfig.json"];
  return sources.every((s) => newestMtime(path.join(root, s)) <= built);
}
