#!/usr/bin/env bash
# The newcomer's path without a database server: migrate and seed an embedded database, serve the
# production build on it (the server is the only process opening it), and check the home page HTML.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
port=3300
export PGLITE_DIR="$dir/pglite"
unset DATABASE_URL
npm run --silent db:migrate
npm run --silent db:seed >"$dir/seed.log"
[ -d .next ] || npm run build
# A production server needs AUTH_SECRET; `npm run demo` writes one to .env.local, this test
# passes its own instead of touching the working tree. `next` itself, not `npx next`, so that
# $! is the server and the trap below stops it rather than orphaning it.
AUTH_SECRET=$(node -e 'console.log(require("crypto").randomBytes(33).toString("base64"))') \
  ./node_modules/.bin/next start -p "$port" >"$dir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 60); do curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && break; sleep 0.5; done
html=$(curl -fsS "http://127.0.0.1:$port/")
title=$(node -e 'const p=require("./db/seed/seed-papers.json"); console.log(p[0].title)')
if grep -qF "$title" <<<"$html"; then
  echo "smoke: embedded demo serves today's papers (found \"$title\")"
  echo "smoke: 1 passed, 0 failed"
else
  echo "smoke: home page HTML lacks \"$title\""; cat "$dir/server.log"; exit 1
fi
