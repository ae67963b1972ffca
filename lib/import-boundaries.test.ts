import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The import boundaries of eslint.config.mjs: app/ reaches the database only through lib/<domain>, and
// client components import neither zod, schema modules nor the engine's index.

const root = path.resolve(__dirname, "..");
const RULE = "@typescript-eslint/no-restricted-imports";

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The ids of the rules that fire on `code` linted as the file at `filePath` (relative to the root). */
async function firing(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

/** A real client component in a route folder with a dynamic segment, whose path has glob syntax in it. */
function clientComponentInDynamicRoute(): string {
  const walk = (dir: string): string | null => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        const found = walk(rel);
        if (found) return found;
      } else if (rel.includes("[") && entry.name.endsWith(".tsx") && readFileSync(path.join(root, rel), "utf8").startsWith('"use client"')) {
        return rel;
      }
    }
    return null;
  };
  const found = walk("app");
  if (!found) throw new Error("No client component in a dynamic route folder");
  return found;
}

describe("import boundaries", { timeout: 60_000 }, () => {
  it("stops a page or route handler from importing the database client", async () => {
    expect(await firing("app/(coach)/coach/page.tsx", 'import { db } from "@/lib/db";\nexport const n = db;\n')).toContain(RULE);
    expect(await firing("app/api/example/route.ts", 'import { db } from "@/lib/db";\nexport const n = db;\n')).toContain(RULE);
    expect(await firing("app/page.tsx", 'import { PrismaClient } from "@/lib/generated/prisma/client";\nexport const n = PrismaClient;\n')).toContain(RULE);
  });

  it("lets app/ import the generated Prisma types, and lib/ the client", async () => {
    expect(await firing("app/page.tsx", 'import type { Prisma } from "@/lib/generated/prisma/client";\nexport type T = Prisma.UserWhereInput;\n')).not.toContain(RULE);
    expect(await firing("lib/example/queries.ts", 'import { db } from "@/lib/db";\nexport const n = db;\n')).not.toContain(RULE);
  });

  it("stops a client component from importing zod, schema modules or the engine's index", async () => {
    const file = clientComponentInDynamicRoute();
    for (const source of ["zod", "@/lib/plans/schemas", "@/lib/training-load", "@/lib/training-load/index", "@/lib/db"]) {
      expect(await firing(file, `"use client";\nimport { x } from "${source}";\nexport const n = x;\n`), source).toContain(RULE);
    }
  });

  it("lets a client component import types from schema modules, and the engine's leaf modules", async () => {
    const file = clientComponentInDynamicRoute();
    expect(await firing(file, '"use client";\nimport type { TemplateSession } from "@/lib/plans/schemas";\nexport type T = TemplateSession;\n')).not.toContain(RULE);
    expect(await firing(file, '"use client";\nimport { BACK_SUB_AREAS } from "@/lib/training-load/symptoms";\nexport const n = BACK_SUB_AREAS;\n')).not.toContain(RULE);
  });

  it("leaves server code free to import schemas and the engine", async () => {
    expect(await firing("app/(coach)/coach/page.tsx", 'import { z } from "zod";\nimport { computeDailyMetrics } from "@/lib/training-load";\nexport const n = [z, computeDailyMetrics];\n')).not.toContain(RULE);
  });
});
