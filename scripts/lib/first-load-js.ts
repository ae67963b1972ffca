// First-load JavaScript of a page, measured from what the page's HTML makes a browser fetch: every
// `<script src>` chunk (the framework's main files, the route's page and layout chunks) and every chunk
// the inline React Server Components payload names for hydration. `noModule` polyfills are left out:
// browsers that run modules never download them. Sizes are gzip (level 9) of the files in the build's
// static folder, the way Next.js used to print "First Load JS".
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const CHUNK = /static\/chunks\/[\w.~-]+\.js/g;

/** Build-relative paths ("static/chunks/x.js") of the JS chunks a page's HTML loads on first visit. */
export function firstLoadChunks(html: string): string[] {
  const noModule = new Set<string>();
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    if (/\snomodule\b/i.test(tag)) for (const chunk of tag.match(CHUNK) ?? []) noModule.add(chunk);
  }
  const chunks = new Set<string>();
  for (const chunk of html.match(CHUNK) ?? []) if (!noModule.has(chunk)) chunks.add(chunk);
  return [...chunks].sort();
}

export class ChunkSizes {
  private cache = new Map<string, { raw: number; gzip: number }>();

  constructor(private readonly distDir: string) {}

  /** Raw and gzip bytes of one chunk of the build; throws when the build does not have it. */
  of(chunk: string): { raw: number; gzip: number } {
    let size = this.cache.get(chunk);
    if (!size) {
      const file = path.join(this.distDir, chunk);
      if (!existsSync(file)) throw new Error(`${chunk} is referenced by the page but missing from ${this.distDir}: is the build current?`);
      const bytes = readFileSync(file);
      size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
      this.cache.set(chunk, size);
    }
    return size;
  }

  total(chunks: string[]): { raw: number; gzip: number; count: number } {
    return chunks.reduce((sum, c) => {
      const s = this.of(c);
      return { raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip, count: sum.count + 1 };
    }, { raw: 0, gzip: 0, count: 0 });
  }
}

/**
 * Every page route of the build ("/coach/squads/[squadId]", "/_not-found", ...), from the route
 * manifest that `next build` writes; API routes and the global error page are left out.
 */
export function pageRoutes(distDir: string): string[] {
  const manifest = path.join(distDir, "app-path-routes-manifest.json");
  if (!existsSync(manifest)) throw new Error(`${manifest} is missing: build the app first (npm run build)`);
  const entries = JSON.parse(readFileSync(manifest, "utf8")) as Record<string, string>;
  return Object.entries(entries)
    .filter(([entry, route]) => entry.endsWith("/page") && !route.startsWith("/api/") && route !== "/_global-error")
    .map(([, route]) => route)
    .sort();
}
