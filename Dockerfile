# Samspill's container image (docs/operations.md, "Container image").
# Build:  docker build -t samspill .
# Run:    docker run -p 3000:3000 -e SECRET=… -e PUBLIC_URL=… -e SMTP_URL=… -e DATABASE_URL=… samspill

# 1. Build: every dependency, the assets (public/build) and the compiled server (dist/).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# 2. Run: Node 24, the production dependencies only, as the unprivileged user `node`.
FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
# Owned by root and read-only to the server; only /data is its to write.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The server reads its migrations and reference data from src/db and its assets from
# public/build, relative to dist/ (scripts/build-server.mjs).
COPY --from=build /app/src ./src
COPY --from=build /app/public ./public
COPY --from=build /app/scripts/entrypoint.sh ./scripts/entrypoint.sh
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The server stops gracefully on SIGTERM within SHUTDOWN_TIMEOUT_SECONDS (25 by default);
# give `docker stop -t` / terminationGracePeriodSeconds a little more than that.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/app/scripts/entrypoint.sh"]
