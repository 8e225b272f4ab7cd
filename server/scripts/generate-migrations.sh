#!/usr/bin/env bash
# Generates the drizzle-kit migration for the current tables, then one custom
# migration per file in src/db/sql/ (DDL drizzle cannot express, such as the
# triggers that make consent events append-only).
# Usage: pnpm --filter @passerelle/server db:generate
set -euo pipefail
cd "$(dirname "$0")/.."
exec 9>/tmp/passerelle-migrations.lock
flock 9
pnpm exec drizzle-kit generate
for f in src/db/sql/*.sql; do
  [ -e "$f" ] || continue
  name=$(basename "$f" .sql)
  if ls drizzle/*_"$name".sql >/dev/null 2>&1; then continue; fi
  pnpm exec drizzle-kit generate --custom --name="$name"
  cp "$f" "$(ls drizzle/*_"$name".sql)"
done
