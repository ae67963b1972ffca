# syntax=docker/dockerfile:1
# Backbone's production image: Next's standalone server (scripts/standalone.mjs) on plain Node, as a
# non-root user, with the migrations and a one-file migration runner and nothing else of the source tree.
#   docker build -t backbone .
#   docker run --rm -e DATABASE_URL=... backbone node scripts/migrate.mjs     # once per release
#   docker run -e DATABASE_URL=... -e AUTH_SECRET=... -e AUTH_URL=https://... -p 3000:3000 backbone
ARG NODE_IMAGE=node:20.20-bookworm-slim

# Dependencies, with the Prisma client generated (postinstall) from the schema.
FROM ${NODE_IMAGE} AS deps
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma/schema.prisma ./prisma/schema.prisma
COPY scripts/prisma-generate.mjs scripts/prisma.mjs scripts/schema-engine.mjs ./scripts/
RUN npm ci --no-audit --no-fund

# The production build and the standalone folder.
FROM deps AS build
COPY . .
RUN NODE_ENV=production NEXT_SKIP_TYPECHECK=1 npx next build && node scripts/standalone.mjs

# What runs: only the standalone folder. Its files belong to root and are read-only to the server's user;
# Next's cache folder is the one place it writes.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
WORKDIR /app
COPY --from=build /src/.next/standalone ./
RUN mkdir -p .next/cache && chown node:node .next/cache
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=150s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT || 3000}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# One server process per core (WEB_CONCURRENCY); it stops cleanly on SIGTERM.
CMD ["node", "scripts/serve.mjs"]
