/**
 * For the elements' browser tests (packages/elements/web-test-runner.config.mjs,
 * `/__passerelle/sign-in-link`): a fresh link that signs a person in, as a
 * message would carry it (mail/links.ts makeLink), without waiting for a
 * message. The institution is given pages first when it has none, so that a
 * fresh link asked from this one (POST /v1/mail/links/resend) reaches the
 * dev outbox with its link.
 *
 *   DATABASE_URL=… tsx scripts/sign-in-link.ts <tenant slug> <host subject>
 *
 * Prints `{ "token": "…", "url": "…" }`. Never used by the server itself.
 */
import { and, eq } from 'drizzle-orm';
import { openDatabase } from '../src/db/open.ts';
import { withTransaction } from '../src/db/transaction.ts';
import { institutions, people } from '../src/db/tables/index.ts';
import { makeLink, LINK_PARAMETER } from '../src/mail/links.ts';

const [slug, subject] = process.argv.slice(2);
if (!slug || !subject || !process.env.DATABASE_URL) {
  console.error('usage: DATABASE_URL=… tsx scripts/sign-in-link.ts <tenant> <host subject>');
  process.exit(2);
}
const { db, close } = openDatabase(process.env.DATABASE_URL);
try {
  const url = await withTransaction({ db }, async (tx) => {
    const tenant = await tx.select().from(institutions).where(eq(institutions.slug, slug)).get();
    if (!tenant) throw new Error(`no institution ${slug}`);
    const settings = (tenant.settings ?? {}) as Record<string, unknown>;
    if (!settings.pages) await tx.update(institutions).set({ settings: { ...settings, pages: { profile: 'https://www.demo.test/mon-compte' } } }).where(eq(institutions.id, tenant.id)).run();
    const person = await tx.select().from(people).where(and(eq(people.tenantId, tenant.id), eq(people.hostSubject, subject))).get();
    if (!person?.email) throw new Error(`no person ${subject} with an address in ${slug}`);
    return makeLink(tx, { tenantId: tenant.id, personId: person.id, address: person.email, mailId: null, action: 'profile', page: 'https://www.demo.test/mon-compte', now: new Date() });
  });
  if (!url) throw new Error(`no link for ${subject}: not their sign-in address`);
  console.log(JSON.stringify({ token: new URL(url).searchParams.get(LINK_PARAMETER), url }));
} finally {
  close();
}
