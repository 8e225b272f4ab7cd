#!/usr/bin/env bash
# Generates the drizzle-kit migrations for changed tables, for both engines:
# SQLite's in drizzle/, PostgreSQL's in drizzle-pg/ (its schema is derived
# from the same tables: src/db/postgres/tables.ts). Serialised with a lock,
# for several people working in one tree.
# DDL drizzle cannot express (the company search index, the triggers that make
# consent events append-only) lives only in its custom migration in drizzle/:
# to add some, run `pnpm exec drizzle-kit generate --custom --name=<what>` and
# write the SQL in the file it creates.
# Usage: pnpm --filter @passerelle/server db:generate
set -euo pipefail
cd "$(dirname "$0")/.."
exec 9>/tmp/passerelle-migrations.lock
flock 9
pnpm exec drizzle-kit generate
pnpm exec drizzle-kit generate --config drizzle.pg.config.ts
