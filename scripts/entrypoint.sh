#!/bin/sh
# The container's entrypoint (Dockerfile), also usable on a plain machine: run the compiled
# server (dist/server.mjs, from `npm run build`) if it is there, else the TypeScript source
# through tsx (a run-time dependency). `exec`, so the server is this process and receives
# SIGTERM itself: it then stops gracefully (docs/operations.md, "Stopping").
set -eu
cd "$(dirname "$0")/.."

# Where the embedded database and uploaded files go when no DATABASE_URL is given.
: "${DATA_DIR:=./data}"
export DATA_DIR
mkdir -p "$DATA_DIR" 2>/dev/null || true

if [ -f dist/server.mjs ]; then
  exec node --enable-source-maps dist/server.mjs "$@"
fi
exec node --import tsx src/server.ts "$@"
