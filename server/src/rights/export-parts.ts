import type { DbOrTx } from '../db/open.ts';
import { exportConsentEvents, exportPurposeVersions } from '../consents/queries/events.ts';
import { exportCapEvents } from '../consents/queries/caps.ts';
import { addressExport } from '../addresses/export.ts';
import { exportErasureRequests } from './queries/erasure-requests.ts';
import { exportAuditRows, exportMembershipRows, exportPersonRows, exportSessionRows } from './queries/export.ts';
import { consentOverview } from '../consents/state.ts';
import { profileExport } from './parts/profiles.ts';
import { offerExport } from './parts/offers.ts';
import { pledgeExport } from './parts/pledges.ts';

/** One table of the export: a CSV file in the zip, a key in the JSON. */
export interface ExportPart {
  /** File-name safe: lowercase, digits and hyphens. */
  name: string;
  rows: Record<string, unknown>[];
}

/**
 * What one area holds about a person. Every contributor filters by tenant
 * and by person: the export never carries anyone else's data.
 */
export type ExportContributor = (tx: DbOrTx, tenantId: string, personId: string, now: Date) => Promise<ExportPart | ExportPart[]>;

const person: ExportContributor = async (tx, tenantId, personId) => ({
  name: 'person',
  rows: await exportPersonRows(tx, tenantId, personId),
});

const roles: ExportContributor = async (tx, tenantId, personId) => ({
  name: 'memberships',
  rows: await exportMembershipRows(tx, tenantId, personId),
});

const signIns: ExportContributor = async (tx, tenantId, personId) => ({
  name: 'sessions',
  // The token hash is a secret of the session, not information about the person.
  rows: await exportSessionRows(tx, tenantId, personId),
});

/** Every consent choice, the exact texts they were given for, the current state and the solicitation cap. */
const consents: ExportContributor = async (tx, tenantId, personId, now) => {
  const events = await exportConsentEvents(tx, tenantId, personId);
  const versionIds = [...new Set(events.map((e) => e.versionId))];
  const versions =
    versionIds.length === 0
      ? []
      : (await exportPurposeVersions(tx, tenantId, versionIds)).map(({ titleFr, descriptionFr, ...v }) => ({
          ...v,
          titleFr: titleFr.fr,
          titleEn: titleFr.en,
          descriptionFr: descriptionFr.fr,
          descriptionEn: descriptionFr.en,
        }));
  const overview = await consentOverview(tx, tenantId, personId, now);
  const state = overview.purposes.flatMap((p) =>
    p.channels.map((ch) => ({ purpose: p.key, legalBasis: p.version.legalBasis, channel: ch.channel, granted: ch.granted, source: ch.source, since: ch.since, versionHash: ch.versionHash, renewalNeeded: ch.renewalNeeded, expiresAt: ch.expiresAt })),
  );
  const cap = await exportCapEvents(tx, tenantId, personId);
  return [
    { name: 'consent-events', rows: events.map(({ versionId: _v, ...e }) => e) },
    { name: 'consent-text-versions', rows: versions },
    { name: 'consent-state', rows: state },
    { name: 'solicitation-cap', rows: cap },
  ];
};

const erasure: ExportContributor = async (tx, tenantId, personId) => ({
  name: 'erasure-requests',
  rows: await exportErasureRequests(tx, tenantId, personId),
});

/** Audit entries about the person (not the ones they wrote about others). */
const audit: ExportContributor = async (tx, tenantId, personId) => ({
  name: 'audit',
  rows: await exportAuditRows(tx, tenantId, personId),
});

/**
 * The contributors, in the order of the export. Each area's part (profiles,
 * offers, pledges) lives in `parts/<area>.ts` and is listed here.
 */
export const exportContributors: ExportContributor[] = [person, addressExport, profileExport, roles, offerExport, pledgeExport, consents, erasure, audit, signIns];

export async function collectExport(tx: DbOrTx, tenantId: string, personId: string, now: Date): Promise<ExportPart[]> {
  const all: ExportPart[] = [];
  for (const contribute of exportContributors) {
    const parts = await contribute(tx, tenantId, personId, now);
    all.push(...(Array.isArray(parts) ? parts : [parts]));
  }
  return all;
}
