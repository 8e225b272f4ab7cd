/**
 * For the end-to-end test of the consent reminder's renewal
 * (test/e2e/consent-renewal.test.ts): makes a person's consent to a purpose
 * end in 20 days, as if they had agreed by email `retentionMonths` months
 * ago less 20 days, then runs the daily sweep's consent part, which queues
 * the reminder (mail/consent-sweep.ts). The running server's mail worker
 * sends it (the dev outbox in development mode), with its link to the
 * institution's consents page (set to `page` first when it has none).
 *
 *   DATABASE_URL=… tsx scripts/consent-reminder.ts <tenant slug> <host subject> <purpose key> <page>
 *
 * Prints `{ "expiresAt": "…" }`. Never used by the server itself.
 */
import { and, eq } from 'drizzle-orm';
import { openDatabase } from '../src/db/open.ts';
import { withTransaction } from '../src/db/transaction.ts';
import { institutions, people } from '../src/db/tables/index.ts';
import { findPurpose } from '../src/purposes/purposes.ts';
import { channelState, lastChoices, nextConsentSeq } from '../src/consents/state.ts';
import { insertConsentEvent } from '../src/consents/queries/events.ts';
import { sweepConsents } from '../src/mail/consent-sweep.ts';

const [slug, subject, purposeKey, page] = process.argv.slice(2);
if (!slug || !subject || !purposeKey || !page || !process.env.DATABASE_URL) {
  console.error('usage: DATABASE_URL=… tsx scripts/consent-reminder.ts <tenant> <host subject> <purpose key> <page>');
  process.exit(2);
}
const { db, close } = openDatabase(process.env.DATABASE_URL);
try {
  const now = new Date();
  const { tenantId, expiresAt } = await withTransaction({ db }, async (tx) => {
    const tenant = await tx.select().from(institutions).where(eq(institutions.slug, slug)).get();
    if (!tenant) throw new Error(`no institution ${slug}`);
    const settings = (tenant.settings ?? {}) as Record<string, unknown>;
    const pages = (settings.pages ?? {}) as Record<string, unknown>;
    if (!pages.consents) await tx.update(institutions).set({ settings: { ...settings, pages: { ...pages, consents: page } } }).where(eq(institutions.id, tenant.id)).run();
    const person = await tx.select().from(people).where(and(eq(people.tenantId, tenant.id), eq(people.hostSubject, subject))).get();
    if (!person) throw new Error(`no person ${subject} in ${slug}`);
    const purpose = await findPurpose(tx, tenant.id, { key: purposeKey });
    if (!purpose?.version.channels.includes('email')) throw new Error(`no purpose ${purposeKey} by email in ${slug}`);
    const agreed = new Date(now);
    agreed.setUTCMonth(agreed.getUTCMonth() - purpose.retentionMonths);
    agreed.setUTCDate(agreed.getUTCDate() + 20);
    const at = agreed.toISOString();
    await insertConsentEvent(tx, {
      tenantId: tenant.id,
      personId: person.id,
      seq: await nextConsentSeq(tx, tenant.id, person.id),
      purposeId: purpose.id,
      purposeVersionId: purpose.version.id,
      channel: 'email',
      granted: true,
      at,
      origin: null,
      originPage: null,
      originComponent: 'scripts/consent-reminder.ts',
      actorId: person.id,
      actorReason: null,
    });
    const state = channelState(purpose, 'email', (await lastChoices(tx, tenant.id, person.id)).get(`${purpose.id}:email`), now);
    if (!state.expiresSoon) throw new Error(`the consent of ${subject} to ${purposeKey} does not end soon`);
    return { tenantId: tenant.id, expiresAt: state.expiresAt };
  });
  await sweepConsents(db, tenantId, now);
  console.log(JSON.stringify({ expiresAt }));
} finally {
  close();
}
