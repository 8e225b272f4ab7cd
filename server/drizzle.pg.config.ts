import { defineConfig } from 'drizzle-kit';

// The PostgreSQL migrations, written from the schema derived from the SQLite
// one (src/db/postgres/tables.ts). `pnpm db:generate` writes both engines'.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/postgres/kit-schema.ts',
  out: './drizzle-pg',
});
