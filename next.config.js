// @ts-check
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const createNextIntlPlugin = require("next-intl/plugin");

// The request configuration of next-intl: the language and catalogue of each request.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// The Content-Security-Policy itself is set per request in proxy.ts (it carries a nonce);
// the headers here apply to every response, static files included.
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A second build directory lets two builds of one checkout coexist (e.g. parallel test runs).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Read when the server starts (scripts/serve.mjs applies it to the standalone build too): "off" leaves
  // compression to a reverse proxy in front.
  compress: process.env.HTTP_COMPRESSION !== "off",
  // The build also writes a self-contained server folder (traced server files and node_modules), which
  // scripts/standalone.mjs completes and the Dockerfile ships.
  output: "standalone",
  // The test runner typechecks the whole project as its own first step; it skips the build's second pass.
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
  reactStrictMode: true,
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "pdfkit"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

module.exports = withNextIntl(nextConfig);
