import { writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { test, login } from "./fixtures";
import { buildTour } from "./page-tour";
import { ChunkSizes, firstLoadChunks } from "../scripts/lib/first-load-js";

// Not a check: with E2E_PAGE_WEIGHTS=<file.json>, writes every page's first-load JS (gzip kB of the
// chunks its HTML loads, as scripts/lib/first-load-js.ts measures) and its HTML and inline RSC payload
// sizes, per role, for comparing builds. Skipped otherwise.
const OUT = process.env.E2E_PAGE_WEIGHTS;
const ROLES = ["loggedOut", "athlete", "coach"] as const;

test.skip(!OUT, "set E2E_PAGE_WEIGHTS to measure");

test("page weights", async ({ page, db }) => {
  test.setTimeout(300_000);
  const sizes = new ChunkSizes(path.join(process.cwd(), process.env.NEXT_DIST_DIR || ".next"));
  const rows: Record<string, { js: number; html: number; htmlGzip: number; rsc: number }> = {};
  for (const role of ROLES) {
    await page.context().clearCookies();
    const tour = await buildTour(db, `weights-${role}`);
    if (role !== "loggedOut") await login(page, tour[role].email);
    for (const url of tour.pages[role]) {
      const res = await page.request.get(url, { headers: { accept: "text/html" } });
      const html = await res.text();
      const rsc = [...html.matchAll(/self\.__next_f\.push\((\[[\s\S]*?\])\)<\/script>/g)].reduce((n, m) => n + m[1].length, 0);
      const key = `${role} ${url.replace(/[0-9a-z]{20,}/g, ":id")}`;
      rows[key] = {
        js: Math.round((sizes.total(firstLoadChunks(html)).gzip / 1024) * 10) / 10,
        html: html.length,
        htmlGzip: gzipSync(html, { level: 9 }).length,
        rsc,
      };
    }
  }
  writeFileSync(OUT!, JSON.stringify(rows, null, 2));
});
