import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const root = import.meta.dirname;

// A file is a client component when its first statement is the "use client" directive (comments may come first).
const USE_CLIENT = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use client["']/;

/** Escapes the characters of a route folder name ([id], (group)) that a glob pattern would read as syntax. */
const globLiteral = (p) => p.replace(/[[\]*?{}()!+@]/g, (c) => `[${c}]`);

/** The client components of app/ and lib/, as literal `files` patterns. ESLint cannot select files by directive. */
function clientComponentFiles() {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (rel !== "lib/generated") walk(rel);
      } else if (/\.tsx?$/.test(entry.name) && USE_CLIENT.test(readFileSync(path.join(root, rel), "utf8"))) {
        found.push(globLiteral(rel));
      }
    }
  };
  walk("app");
  walk("lib");
  return found;
}

// Pages, layouts, route handlers and server actions under app/ reach the database only through
// lib/<domain>/queries and mutations, where the viewer's access is checked.
const databaseBoundary = {
  paths: [{ name: "@/lib/db", message: "app/ does not use the database client: call a query or mutation of lib/<domain> that checks the viewer's access." }],
  patterns: [
    {
      group: ["@/lib/generated/prisma", "@/lib/generated/prisma/*"],
      allowTypeImports: true,
      message: "app/ does not use the Prisma client: call a query or mutation of lib/<domain>. Type-only imports are fine.",
    },
  ],
};

// Client components ship to the browser: schema modules and zod, and the engine's index (which pulls the
// whole engine), stay on the server. Pure leaf modules of the engine (e.g. symptoms) are fine.
const clientBoundary = {
  paths: [
    { name: "@/lib/training-load", message: "Client components do not import the engine's index: import the leaf module they need, or take the values as props." },
    { name: "@/lib/training-load/index", message: "Client components do not import the engine's index: import the leaf module they need, or take the values as props." },
  ],
  patterns: [
    {
      // Schema modules are named for it: schemas.ts, input-schemas.ts, workout-schemas.ts.
      group: ["zod", "zod/*", "@/lib/**/*schemas"],
      allowTypeImports: true,
      message: "Client components do not import zod or schema modules: move shared constants to a plain module. Type-only imports are fine.",
    },
  ],
};

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    // Playwright fixtures receive a function named `use`, which is not React's hook.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", databaseBoundary] },
  },
  {
    // Options of one rule do not merge across config objects: client components get both boundaries.
    files: clientComponentFiles(),
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { paths: [...databaseBoundary.paths, ...clientBoundary.paths], patterns: [...databaseBoundary.patterns, ...clientBoundary.patterns] },
      ],
    },
  },
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".next-*/**",
      ".data/**",
      "lib/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
];

export default config;
