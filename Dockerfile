# syntax=docker/dockerfile:1
# One image recipe for every c360 service; the service is a build argument. From the repository root:
#   docker build --build-arg SERVICE=resolver --build-arg PORT=3102 -t c360/resolver .
ARG NODE_IMAGE=node:20-bookworm-slim

# 1. Compile TypeScript with swc (path mappings from .swcrc), as `nx run <service>:build` does:
#    dist/apps/<service>/src/main.js and dist/libs/...
FROM ${NODE_IMAGE} AS build
ARG SERVICE
RUN test -n "${SERVICE}" || (echo "--build-arg SERVICE=ingestor|resolver|insights|activation is required" && exit 1)
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts: swc's native binary comes as an optional dependency, nothing else is needed.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY .swcrc tsconfig.base.json ./
COPY libs ./libs
COPY apps ./apps
RUN npx swc "apps/${SERVICE}/src" libs -d dist --quiet

# 2. Production dependencies only.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# 3. Runtime: code and config are root-owned and read-only for the `node` user.
FROM ${NODE_IMAGE}
ARG SERVICE
ARG PORT=3100
# tini as PID 1: forwards SIGTERM (the service finishes its batch) and lets the process's own
# re-raised SIGTERM end it, which PID 1 would ignore.
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    C360_SERVICE=${SERVICE} \
    HTTP_HOST=0.0.0.0 \
    HTTP_PORT=${PORT}
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# Files read at boot, relative to /app: source mappings and rates (ingestor), segments (activation).
COPY apps/ingestor/mappings ./apps/ingestor/mappings
COPY apps/ingestor/config ./apps/ingestor/config
COPY apps/activation/segments ./apps/activation/segments
USER node
EXPOSE ${PORT}
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.HTTP_PORT + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["sh", "-c", "exec node dist/apps/${C360_SERVICE}/src/main.js"]
