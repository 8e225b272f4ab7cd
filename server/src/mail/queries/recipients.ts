import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Language } from '@passerelle/schema/messages';
import type { DbOrTx } from '../../db/open.ts';
import { institutions, memberships, people, profiles } from '../../db/tables/index.ts';
import { prepareOnce } from '../../db/prepare-once.ts';
import { query } from '../../db/transaction.ts';

export interface Recipient {
  personId: string;
  /** The sign-in address, else the profile's primary one; null when the person has none. */
  address: string | null;
  /** The language the person chose in their profile; French without a profile. */
  language: Language;
  name: string | null;
}

/** Who a message to `personId` goes to, in which language; undefined if the tenant has no such person. */
export function recipientOf(db: DbOrTx, tenantId: string, personId: string): Promise<Recipient | undefined> {
  return query(db, async (db) => {
    const row = await recipientRow(db).get({ tenantId, personId });
    if (!row) return undefined;
    return { personId, address: row.email ?? row.primaryEmail ?? null, language: row.language ?? 'fr', name: row.givenName ?? row.displayName ?? null };
  });
}

// Every message queued reads it (a pledge's acknowledgement among them): built and prepared once (db/prepare-once.ts).
const recipientRow = prepareOnce((db) =>
  db
    .select({ email: people.email, displayName: people.displayName, primaryEmail: profiles.primaryEmail, givenName: profiles.givenName, language: profiles.preferredLanguage })
    .from(people)
    .leftJoin(profiles, eq(profiles.personId, people.id))
    .where(and(eq(people.tenantId, sql.placeholder('tenantId')), eq(people.id, sql.placeholder('personId'))))
    .prepare(),
);

/** The institution's name and settings, for the messages' header and colours. */
export function institutionOf(db: DbOrTx, tenantId: string): Promise<{ name: string; settings: Record<string, unknown> } | undefined> {
  return query(db, (db) => db.select({ name: institutions.name, settings: institutions.settings }).from(institutions).where(eq(institutions.id, tenantId)).get());
}

/** Staff and administrator memberships of the tenant, by person: who may moderate what. */
export function staffMemberships(db: DbOrTx, tenantId: string): Promise<Map<string, { role: 'staff' | 'admin'; entityId: string }[]>> {
  return query(db, async (db) => {
    const rows = (await db
      .select({ personId: memberships.personId, role: memberships.role, entityId: memberships.entityId })
      .from(memberships)
      .where(and(eq(memberships.tenantId, tenantId), inArray(memberships.role, ['staff', 'admin'])))
      .all());
    const byPerson = new Map<string, { role: 'staff' | 'admin'; entityId: string }[]>();
    for (const r of rows) {
      if (!r.entityId || (r.role !== 'staff' && r.role !== 'admin')) continue;
      const list = byPerson.get(r.personId) ?? [];
      list.push({ role: r.role, entityId: r.entityId });
      byPerson.set(r.personId, list);
    }
    return byPerson;
  });
}
