// The modules a client component brings to the browser, read from the source: each value import
// (`import type` and `import { type X }` alone are left out, as the compiler drops them), followed
// through "@/" and relative paths, and not into "use server" modules (the browser gets references). For tests that guard what reaches the browser: zod, and the
// catalogue namespaces a component reads.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..");

const USE_CLIENT = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use client["']/;
const USE_SERVER = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/;

/** Repository-relative paths of app/ and lib/ files that start with "use client". */
export function clientComponents(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (rel !== "lib/generated") walk(rel);
      } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && USE_CLIENT.test(source(rel))) found.push(rel);
    }
  };
  walk("app");
  walk("lib");
  return found.sort();
}

const sources = new Map<string, string>();
export function source(rel: string): string {
  let text = sources.get(rel);
  if (text === undefined) sources.set(rel, (text = readFileSync(path.join(ROOT, rel), "utf8")));
  return text;
}

// `import x from "m"`, `import { a, type B } from "m"`, `import "m"`, `export { a } from "m"`.
const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^"';]*?)\s*(?:from\s*)?["']([^"']+)["']/g;

/** The specifiers a module imports for their values. */
export function valueImports(rel: string): string[] {
  const out: string[] = [];
  for (const m of source(rel).matchAll(IMPORT)) {
    const [, kind, typeOnly, clause, specifier] = m;
    if (typeOnly) continue;
    if (kind === "export" && !/^\{|^\*/.test(clause)) continue;
    // `import { type A, type B } from "m"` brings nothing.
    const braces = /^\{([^}]*)\}$/.exec(clause.trim());
    if (braces && braces[1].split(",").every((part) => part.trim() === "" || /^type\s/.test(part.trim()))) continue;
    out.push(specifier);
  }
  return out;
}

/** A specifier as a repository file, or null for a package. */
export function resolve(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.posix.join(path.posix.dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (/\.(tsx?|json)$/.test(candidate) && existsSync(path.join(ROOT, candidate))) return candidate;
  }
  return null;
}

/** Every repository module a client component pulls in, itself included, and the packages they import. */
export function clientGraph(entry: string): { modules: string[]; packages: Map<string, string> } {
  const seen = new Set<string>();
  const packages = new Map<string, string>();
  const queue = [entry];
  while (queue.length) {
    const rel = queue.pop()!;
    if (seen.has(rel)) continue;
    seen.add(rel);
    // A server-actions module reaches the browser as references to its functions, not as code.
    if (rel.endsWith(".json") || USE_SERVER.test(source(rel))) continue;
    for (const specifier of valueImports(rel)) {
      const file = resolve(rel, specifier);
      if (file) queue.push(file);
      else if (!specifier.startsWith("@/") && !specifier.startsWith(".") && !packages.has(specifier)) packages.set(specifier, rel);
    }
  }
  return { modules: [...seen].sort(), packages };
}
