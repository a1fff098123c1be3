# syntax=docker/dockerfile:1
# The base is a build argument so that an image can be built from a locally made base
# where registries cannot be reached (see docs/operations.md, "Docker").
ARG BASE=node:24-bookworm-slim

FROM ${BASE} AS build
# Only for builds behind a TLS-inspecting proxy: a CA bundle path mounted into the build.
ARG NODE_EXTRA_CA_CERTS
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary can be fetched.
RUN if ! command -v g++ >/dev/null; then apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*; fi
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

FROM ${BASE}
# MALLOC_ARENA_MAX=2: glibc gives each thread that allocates (V8's helper threads, libuv's
# pool) an arena of its own; two arenas held peak memory under load at 100k sponsors
# 3 to 13 MB lower, at no measured cost in throughput (BENCHMARKS.md, "Peak memory").
# glibc bases only (node:24-bookworm-slim); musl (Alpine) ignores it.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATABASE_PATH=/data/sponsors.db \
    MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY migrations ./migrations
COPY seed ./seed
# /run/replicate: where a primary writes the replicate key its replicas read (deploy/).
RUN mkdir -p /data /run/replicate && chown node:node /data /run/replicate
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD ["node", "dist/healthcheck.js"]
STOPSIGNAL SIGTERM
CMD ["node", "--max-semi-space-size=4", "dist/server.js"]
