/**
 * For the elements' browser tests (packages/elements/web-test-runner.config.mjs,
 * `/__passerelle/inactive-person`): an alumnus of a school recorded, and last
 * seen, four years ago, whom the retention rule (3 years by default) lists
 * to the school's staff. Written as the import would have written them then.
 *
 *   DATABASE_URL=… tsx scripts/inactive-person.ts <tenant slug> "<entity name>" "<display name>"
 *
 * Prints `{ "personId": "…" }`. Never used by the server itself.
 */
import { and, eq } from 'drizzle-orm';
import { openDatabase } from '../src/db/open.ts';
import { withTransaction } from '../src/db/transaction.ts';
import { entities, institutions, memberships, people } from '../src/db/tables/index.ts';

const [slug, entityName, displayName] = process.argv.slice(2);
if (!slug || !entityName || !displayName || !process.env.DATABASE_URL) {
  console.error('usage: DATABASE_URL=… tsx scripts/inactive-person.ts <tenant> "<entity name>" "<display name>"');
  process.exit(2);
}
const { db, close } = openDatabase(process.env.DATABASE_URL);
try {
  const at = new Date(Date.now() - 4 * 365 * 86_400_000).toISOString();
  const personId = await withTransaction({ db }, async (tx) => {
    const tenant = await tx.select().from(institutions).where(eq(institutions.slug, slug)).get();
    if (!tenant) throw new Error(`no institution ${slug}`);
    const entity = await tx.select().from(entities).where(and(eq(entities.tenantId, tenant.id), eq(entities.name, entityName))).get();
    if (!entity) throw new Error(`no entity ${entityName} in ${slug}`);
    const id = crypto.randomUUID();
    await tx.insert(people).values({ id, tenantId: tenant.id, hostSubject: `inactive-${id}`, email: `inactive-${id.slice(0, 8)}@alumni.demo.test`, displayName, createdAt: at }).run();
    await tx.insert(memberships).values({ tenantId: tenant.id, personId: id, role: 'alumnus', entityId: entity.id, createdAt: at }).run();
    return id;
  });
  console.log(JSON.stringify({ personId }));
} finally {
  close();
}
