import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import {
  auditLog,
  companies,
  consentEvents,
  entities,
  erasureRequests,
  memberships,
  people,
  purposeVersions,
  purposes,
  sessions,
  solicitationCapEvents,
} from '../db/tables/index.ts';
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
export type ExportContributor = (tx: DbOrTx, tenantId: string, personId: string, now: Date) => ExportPart | ExportPart[];

const person: ExportContributor = (tx, tenantId, personId) => ({
  name: 'person',
  rows: tx
    .select({ id: people.id, email: people.email, displayName: people.displayName, hostSubject: people.hostSubject, createdAt: people.createdAt })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)))
    .all(),
});

const roles: ExportContributor = (tx, tenantId, personId) => ({
  name: 'memberships',
  rows: tx
    .select({ id: memberships.id, role: memberships.role, entityId: memberships.entityId, entityName: entities.name, companyId: memberships.companyId, companyName: companies.name, createdAt: memberships.createdAt })
    .from(memberships)
    .leftJoin(entities, eq(entities.id, memberships.entityId))
    .leftJoin(companies, eq(companies.id, memberships.companyId))
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.personId, personId)))
    .all(),
});

const signIns: ExportContributor = (tx, tenantId, personId) => ({
  name: 'sessions',
  // The token hash is a secret of the session, not information about the person.
  rows: tx
    .select({ id: sessions.id, method: sessions.method, createdAt: sessions.createdAt, expiresAt: sessions.expiresAt, revokedAt: sessions.revokedAt })
    .from(sessions)
    .where(and(eq(sessions.tenantId, tenantId), eq(sessions.personId, personId)))
    .orderBy(asc(sessions.createdAt))
    .all(),
});

/** Every consent choice, the exact texts they were given for, the current state and the solicitation cap. */
const consents: ExportContributor = (tx, tenantId, personId, now) => {
  const events = tx
    .select({
      id: consentEvents.id,
      seq: consentEvents.seq,
      at: consentEvents.at,
      purpose: purposes.key,
      channel: consentEvents.channel,
      granted: consentEvents.granted,
      versionHash: purposeVersions.hash,
      versionId: consentEvents.purposeVersionId,
      originPage: consentEvents.originPage,
      originComponent: consentEvents.originComponent,
      actorId: consentEvents.actorId,
      actorReason: consentEvents.actorReason,
    })
    .from(consentEvents)
    .innerJoin(purposes, eq(purposes.id, consentEvents.purposeId))
    .innerJoin(purposeVersions, eq(purposeVersions.id, consentEvents.purposeVersionId))
    .where(and(eq(consentEvents.tenantId, tenantId), eq(consentEvents.personId, personId)))
    .orderBy(asc(consentEvents.seq))
    .all();
  const versionIds = [...new Set(events.map((e) => e.versionId))];
  const versions =
    versionIds.length === 0
      ? []
      : tx
          .select({
            id: purposeVersions.id,
            hash: purposeVersions.hash,
            purpose: purposes.key,
            titleFr: purposeVersions.title,
            descriptionFr: purposeVersions.description,
            legalBasis: purposeVersions.legalBasis,
            channels: purposeVersions.channels,
            createdAt: purposeVersions.createdAt,
          })
          .from(purposeVersions)
          .innerJoin(purposes, eq(purposes.id, purposeVersions.purposeId))
          .where(and(eq(purposeVersions.tenantId, tenantId), inArray(purposeVersions.id, versionIds)))
          .all()
          .map(({ titleFr, descriptionFr, ...v }) => ({
            ...v,
            titleFr: titleFr.fr,
            titleEn: titleFr.en,
            descriptionFr: descriptionFr.fr,
            descriptionEn: descriptionFr.en,
          }));
  const overview = consentOverview(tx, tenantId, personId, now);
  const state = overview.purposes.flatMap((p) =>
    p.channels.map((ch) => ({ purpose: p.key, legalBasis: p.version.legalBasis, channel: ch.channel, granted: ch.granted, source: ch.source, since: ch.since, versionHash: ch.versionHash, renewalNeeded: ch.renewalNeeded, expiresAt: ch.expiresAt })),
  );
  const cap = tx
    .select({ id: solicitationCapEvents.id, at: solicitationCapEvents.at, perMonth: solicitationCapEvents.perMonth, originPage: solicitationCapEvents.originPage, originComponent: solicitationCapEvents.originComponent })
    .from(solicitationCapEvents)
    .where(and(eq(solicitationCapEvents.tenantId, tenantId), eq(solicitationCapEvents.personId, personId)))
    .orderBy(asc(solicitationCapEvents.seq))
    .all();
  return [
    { name: 'consent-events', rows: events.map(({ versionId: _v, ...e }) => e) },
    { name: 'consent-text-versions', rows: versions },
    { name: 'consent-state', rows: state },
    { name: 'solicitation-cap', rows: cap },
  ];
};

const erasure: ExportContributor = (tx, tenantId, personId) => ({
  name: 'erasure-requests',
  rows: tx
    .select({ id: erasureRequests.id, status: erasureRequests.status, requestedAt: erasureRequests.requestedAt, processedAt: erasureRequests.processedAt, note: erasureRequests.note })
    .from(erasureRequests)
    .where(and(eq(erasureRequests.tenantId, tenantId), eq(erasureRequests.personId, personId)))
    .all(),
});

/** Audit entries about the person (not the ones they wrote about others). */
const audit: ExportContributor = (tx, tenantId, personId) => ({
  name: 'audit',
  rows: tx
    .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action, objectType: auditLog.objectType, objectId: auditLog.objectId, actorId: auditLog.actorId, origin: auditLog.origin, detail: auditLog.detail })
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.subjectId, personId)))
    .orderBy(asc(auditLog.at))
    .all(),
});

/**
 * The contributors, in the order of the export. Each area's part (profiles,
 * offers, pledges) lives in `parts/<area>.ts` and is listed here.
 */
export const exportContributors: ExportContributor[] = [person, profileExport, roles, offerExport, pledgeExport, consents, erasure, audit, signIns];

export function collectExport(tx: DbOrTx, tenantId: string, personId: string, now: Date): ExportPart[] {
  return exportContributors.flatMap((contribute) => {
    const parts = contribute(tx, tenantId, personId, now);
    return Array.isArray(parts) ? parts : [parts];
  });
}
