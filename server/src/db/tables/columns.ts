import { text } from 'drizzle-orm/sqlite-core';

/** Random UUID primary key: ids are never sequential (docs/architecture.md). */
export const id = () => text('id').primaryKey().$defaultFn(() => crypto.randomUUID());

/** Times are stored as ISO 8601 UTC strings: they sort, compare and read the same in SQLite and PostgreSQL. */
export const time = (name: string) => text(name);

/** Every row of a tenant-owned table names its tenant; queries always filter on it. */
export const tenantId = () => text('tenant_id').notNull();
