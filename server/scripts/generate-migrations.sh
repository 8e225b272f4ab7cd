#!/usr/bin/env bash
# Generates the drizzle-kit migration for changed tables (serialised with a
# lock, for several people working in one tree).
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
