/**
 * The people export: who they are (the profile as staff of their entities
 * read it: a field the reader may not see is absent, an empty cell), their
 * memberships, then for every purpose and channel of the tenant whether the
 * person may be contacted that way today, and their solicitation cap. The
 * consent state comes from the consents area's own derivation, one query per
 * batch for all of its people.
 */
import { inSnapshot } from '../db/transaction.ts';
import { profileAudience, type Actor, type PersonExport } from '@passerelle/schema';
import type { DbOrTx } from '../db/open.ts';
import { entityMembershipsOf, peopleBatch, type PeopleExportScope } from './queries/people.ts';
import { entityNames } from '../profiles/queries/people.ts';
import { listPurposes } from '../purposes/purposes.ts';
import { lastChoicesOfPeople, purposeState, solicitationCaps, tenantDefaultCap } from '../consents/state.ts';
import { viewFor } from '../profiles/document.ts';
import { keysetBatches, type ExportShape } from './stream.ts';
import { allowancesOf } from '../solicitations/allowance.ts';

/** The CSV's profile columns, in order, and how each reads the JSON item. */
const profileColumns: readonly [column: string, read: (p: PersonExport) => unknown][] = [
  ['given_name', (p) => p.profile?.givenName],
  ['family_name', (p) => p.profile?.familyName],
  ['usage_name', (p) => p.profile?.usageName],
  ['email', (p) => p.email],
  ['phone', (p) => p.profile?.phone],
  ['programme', (p) => p.profile?.programme],
  ['education_entity', (p) => p.profile?.educationEntityName],
  ['graduation_year', (p) => p.profile?.graduationYear],
  ['employer', (p) => p.profile?.employer],
  ['job_title', (p) => p.profile?.jobTitle],
  ['sector', (p) => p.profile?.sector],
  ['work_city', (p) => p.profile?.workCity],
  ['work_country', (p) => p.profile?.workCountry],
  ['linkedin_url', (p) => p.profile?.linkedinUrl],
  ['preferred_language', (p) => p.profile?.preferredLanguage],
  ['confirmed_at', (p) => p.profile?.confirmedAt],
];

const yesNo = (granted: boolean | undefined) => (granted === undefined ? '' : granted ? 'yes' : 'no');

export async function peopleExport(db: DbOrTx, actor: Actor, scope: PeopleExportScope, now: Date): Promise<{ shape: ExportShape<PersonExport>; batches: AsyncIterable<PersonExport[]> }> {
  const { tenantId } = actor;
  // Read once: every batch is written against the same purposes, entities and default.
  const purposes = await listPurposes(db, tenantId);
  const names = await entityNames(db, tenantId, Object.keys(actor.entityParents));
  const defaultCap = await tenantDefaultCap(db, tenantId);
  const consentColumns = purposes.flatMap((p) => p.version.channels.map((channel) => ({ key: p.key, channel, column: `consent_${p.key}_${channel}`, renewal: `renewal_${p.key}_${channel}` })));

  async function* batches(): AsyncGenerator<PersonExport[]> {
    // One snapshot for the whole export (db/transaction.ts): each person present at the start once.
    yield* inSnapshot(db, async function* (db) {
      for await (const rows of keysetBatches((after: string | undefined, limit) => peopleBatch(db, scope, after, limit), (r) => r.id)) {
        const ids = rows.map((r) => r.id);
        const memberships = new Map<string, { role: string; entityId: string }[]>();
        for (const m of await entityMembershipsOf(db, tenantId, ids)) memberships.set(m.personId, [...(memberships.get(m.personId) ?? []), m]);
        const choices = await lastChoicesOfPeople(db, tenantId, ids);
        const caps = await solicitationCaps(db, tenantId, ids);
        const allowances = await allowancesOf(db, tenantId, ids, now);
        yield rows.map((row): PersonExport => {
          const own = memberships.get(row.id) ?? [];
          const audience = profileAudience(actor, { kind: 'person', tenantId, personId: row.id, entityIds: own.map((m) => m.entityId) });
          const readsAll = audience === 'staff' || audience === 'self';
          let profile: PersonExport['profile'] = null;
          if (row.profile) {
            const { reviewFlags: _flags, ...view } = viewFor(row.profile, audience, { now, entityNames: names });
            profile = view;
          }
          const primary = profile?.emails?.find((e) => e.primary)?.address;
          const personChoices = choices.get(row.id) ?? new Map();
          const consents: PersonExport['consents'] = {};
          const consentRenewals: PersonExport['consentRenewals'] = {};
          for (const purpose of purposes) {
            const { channels } = purposeState(purpose, personChoices, now);
            consents[purpose.key] = Object.fromEntries(channels.map((ch) => [ch.channel, ch.granted]));
            consentRenewals[purpose.key] = Object.fromEntries(channels.map((ch) => [ch.channel, ch.renewalNeeded]));
          }
          return {
            id: row.id,
            ...(row.externalId ? { externalId: row.externalId } : {}),
            email: primary ?? (readsAll ? row.email : null),
            displayName: readsAll ? row.displayName : null,
            memberships: own.map((m) => ({ role: m.role, entityId: m.entityId, entityName: names.get(m.entityId) ?? '' })),
            profile,
            consents,
            solicitationCapPerMonth: caps.get(row.id) ?? defaultCap,
            consentRenewals,
            solicitationRemainingThisMonth: allowances.get(row.id)?.remaining ?? 0,
          };
        });
      }
    });
  }

  return {
    batches: { [Symbol.asyncIterator]: batches },
    shape: {
      // Each purpose and channel: may the person be contacted that way today, then is their consent to be renewed (given to an older text).
      columns: ['id', 'external_id', 'display_name', ...profileColumns.map(([c]) => c), 'memberships', ...consentColumns.map((c) => c.column), ...consentColumns.map((c) => c.renewal), 'solicitation_cap_per_month', 'solicitation_remaining_this_month'],
      cells: (p) => [
        p.id,
        p.externalId,
        p.displayName,
        ...profileColumns.map(([, read]) => read(p)),
        p.memberships.map((m) => `${m.role}: ${m.entityName}`).join(' | '),
        ...consentColumns.map((c) => yesNo(p.consents[c.key]?.[c.channel])),
        ...consentColumns.map((c) => yesNo(p.consentRenewals[c.key]?.[c.channel])),
        p.solicitationCapPerMonth,
        p.solicitationRemainingThisMonth,
      ],
      json: (p) => p,
    },
  };
}
