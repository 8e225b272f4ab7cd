import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, institutions } from '../db/tables/index.ts';
import { cliDatabase } from './testing.ts';

const { db, ids, cli: run } = await cliDatabase('receipt-issuer');
const cli = (...args: string[]) => run(args);
const issuerOf = async (tenantId: string) => ((await db.select({ settings: institutions.settings }).from(institutions).where(eq(institutions.id, tenantId)).get())?.settings as { receiptIssuer?: unknown }).receiptIssuer;

describe('pnpm passerelle institution set-receipt-issuer', { timeout: 180_000 }, () => {
  it('sets in whose name the institution issues tax receipts, audited; a wrong value is named and changes nothing', async () => {
    expect((await issuerOf(ids.other.tenantId))).toBeUndefined();
    const args = ['--legal-name', 'Institut Autre', '--address', '3 rue du Port', '--postal-code', '13002', '--city', 'Marseille', '--object', 'Enseignement supérieur', '--siren', '197534712', '--signatory-name', 'Léa Garnier', '--signatory-title', 'Directrice'];
    const wrong = await cli('institution', 'set-receipt-issuer', 'other', ...args, '--status', 'charity');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('Check --status: pnpm passerelle institution set-receipt-issuer <slug>');
    expect((await issuerOf(ids.other.tenantId))).toBeUndefined();

    const set = await cli('institution', 'set-receipt-issuer', 'other', ...args, '--status', 'higher_education');
    expect(set.stderr).toBe('');
    expect(set.status).toBe(0);
    expect(set.stdout).toBe('other now issues tax receipts for gifts in the name of Institut Autre; the next gift marked received gets the next number of the year.\n');
    expect((await issuerOf(ids.other.tenantId))).toEqual({
      legalName: 'Institut Autre', address: { line1: '3 rue du Port', postalCode: '13002', city: 'Marseille', country: 'FR' }, object: 'Enseignement supérieur',
      status: 'higher_education', siren: '197534712', signatoryName: 'Léa Garnier', signatoryTitle: 'Directrice',
    });
    const again = await cli('institution', 'set-receipt-issuer', 'other', ...args, '--status', 'higher_education');
    expect(again.stdout).toBe('The tax receipts of other already name this issuer: nothing changed.\n');
    const entries = (await db.select().from(auditLog).where(eq(auditLog.action, 'institution.receiptIssuer')).all());
    expect(entries.map((e) => ({ tenantId: e.tenantId, actorId: e.actorId, origin: e.origin }))).toEqual([{ tenantId: ids.other.tenantId, actorId: null, origin: 'cli:institution' }]);
  });
});
