// Makes the production build's standalone output (next.config.js: output "standalone") a folder that runs
// with plain `node` and nothing else installed: Next's traced server files and node_modules, plus the
// static assets, the multi-process server (scripts/serve.mjs), the migrations and a one-file migration
// runner. The Dockerfile copies this folder into the image; the end-to-end tests can run against it.
//
// Usage: node scripts/standalone.mjs   (after `next build`; NEXT_DIST_DIR as for the build)
// Then:  node <distDir>/standalone/scripts/serve.mjs -p 3000   and   node <distDir>/standalone/scripts/migrate.mjs
import { cpSync, existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const distName = process.env.NEXT_DIST_DIR || ".next";
const dist = path.resolve(root, distName);
const out = path.join(dist, "standalone");

if (!existsSync(path.join(out, "server.js"))) {
  console.error(`${out} has no server.js: run \`next build\` first (next.config.js sets output "standalone").`);
  process.exit(1);
}

// Next leaves the browser assets out of the standalone folder: they go beside the server's build.
cpSync(path.join(dist, "static"), path.join(out, distName, "static"), { recursive: true });
if (existsSync(path.join(root, "public"))) cpSync(path.join(root, "public"), path.join(out, "public"), { recursive: true });

mkdirSync(path.join(out, "scripts", "lib"), { recursive: true });
cpSync(path.join(root, "scripts", "serve.mjs"), path.join(out, "scripts", "serve.mjs"));
cpSync(path.join(root, "scripts", "lib", "client-address.mjs"), path.join(out, "scripts", "lib", "client-address.mjs"));
cpSync(path.join(root, "prisma", "migrations"), path.join(out, "prisma", "migrations"), { recursive: true });

// The migration runner as one file with pg inside, so the image needs neither tsx nor the dev dependencies.
await build({
  entryPoints: [path.join(root, "scripts", "migrate.ts")],
  outfile: path.join(out, "scripts", "migrate.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["pg-native"],
  // pg is CommonJS: give the bundle a require of its own.
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  logLevel: "warning",
});

// The environment check of `npm start`, run by serve.mjs before it starts its workers.
await build({
  entryPoints: [path.join(root, "scripts", "check-env.ts")],
  outfile: path.join(out, "scripts", "check-env.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
});

function sizeOf(target) {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(target).reduce((sum, entry) => sum + sizeOf(path.join(target, entry)), 0);
}
console.log(`Standalone server ready in ${path.relative(root, out)} (${(sizeOf(out) / 1e6).toFixed(0)} MB)`);
