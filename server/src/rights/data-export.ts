/**
 * A person's export of everything Passerelle holds about them in this
 * tenant (GDPR art. 15 and 20): JSON, or a zip of CSV files with a README.
 */
import type * as v from 'valibot';
import type { DataExportSchema } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { authorize } from '../auth/authorize.ts';
import { writeAudit } from '../audit/audit.ts';
import { withTransaction } from '../db/transaction.ts';
import { personResource } from '../consents/people.ts';
import { toCsv } from '../csv/write.ts';
import { findInstitutionName } from './queries/export.ts';
import { collectExport } from './export-parts.ts';
import { requireRecentSignIn } from './recent-sign-in.ts';
import { zip } from './zip.ts';

/** The export as answered: the JSON document, or a zip file and its name. */
export type DataExportFile = { format: 'json'; body: v.InferOutput<typeof DataExportSchema> } | { format: 'zip'; filename: string; data: Uint8Array<ArrayBuffer> };

/**
 * Collects the person's data and writes the audit entry in one transaction,
 * after checking the policy and that they signed in recently (`signedInAt`,
 * their session's opening).
 */
export async function exportMyData(deps: Pick<Deps, 'db' | 'clock'>, call: Call, input: { format: 'json' | 'zip'; signedInAt: Date }): Promise<DataExportFile> {
  const { db, clock } = deps;
  const { actor, who } = call;
  const { format } = input;
  authorize(actor, 'data.export', await personResource(db, actor.tenantId, actor.personId));
  requireRecentSignIn(clock, input.signedInAt, 'export');
  const now = clock.now();
  const parts = await withTransaction({ db }, async (tx) => {
    const collected = await collectExport(tx, actor.tenantId, actor.personId, now);
    await writeAudit(tx, who, { action: 'data.export', objectType: 'person', objectId: actor.personId, subjectId: actor.personId, detail: { format } });
    return collected;
  });
  const tenant = await findInstitutionName(db, actor.tenantId);
  if (format === 'zip') {
    const readme = [
      `Data held by Passerelle about you at ${tenant?.name ?? ''}, exported ${now.toISOString()}.`,
      'One CSV file per table (UTF-8, comma-separated). Ids are random identifiers.',
      ...parts.map((p) => `- ${p.name}.csv: ${p.rows.length} row(s)`),
      '',
    ].join('\r\n');
    const files = [{ name: 'README.txt', data: readme }, ...parts.map((p) => ({ name: `${p.name}.csv`, data: toCsv(p.rows) }))];
    return { format, filename: `passerelle-export-${now.toISOString().slice(0, 10)}.zip`, data: zip(files, now) };
  }
  return { format, body: { exportedAt: now.toISOString(), tenant: tenant ?? null, personId: actor.personId, parts: Object.fromEntries(parts.map((p) => [p.name, p.rows])) } };
}
