/**
 * `institution set-receipt-issuer <slug> --legal-name … --address … --postal-code … --city …
 * --object … --status general_interest|public_utility|higher_education --siren … --signatory-name …
 * --signatory-title …`: the institution as its tax receipts name it (the same setting as
 * `PUT /v1/receipts/issuer`), checked with the shared schema, audited (cli:institution).
 */
import * as v from 'valibot';
import { ReceiptIssuerSchema } from '@passerelle/schema';
import type { Say } from '@passerelle/schema/messages/staff';
import type { Db } from '../db/open.ts';
import { INSTITUTION_CLI_ORIGIN } from '../auth/staff-email-sign-in.ts';
import { setReceiptIssuer } from '../receipts/issuer.ts';
import { CliInputError, tenantId } from './tenant.ts';

export const receiptIssuerOptions = {
  'legal-name': { type: 'string' },
  address: { type: 'string' },
  'address-line2': { type: 'string' },
  'postal-code': { type: 'string' },
  city: { type: 'string' },
  country: { type: 'string' },
  object: { type: 'string' },
  status: { type: 'string' },
  siren: { type: 'string' },
  'signatory-name': { type: 'string' },
  'signatory-title': { type: 'string' },
} as const;

/** The option each field of the setting comes from, to name what is wrong. */
const optionOf: Record<string, string> = {
  legalName: '--legal-name', 'address.line1': '--address', 'address.line2': '--address-line2', 'address.postalCode': '--postal-code', 'address.city': '--city',
  'address.country': '--country', object: '--object', status: '--status', siren: '--siren', signatoryName: '--signatory-name', signatoryTitle: '--signatory-title',
};

export async function setReceiptIssuerCommand(db: Db, say: Say, slug: string, o: Partial<Record<keyof typeof receiptIssuerOptions, string>>): Promise<string> {
  const parsed = v.safeParse(ReceiptIssuerSchema, {
    legalName: o['legal-name'],
    address: { line1: o.address, ...(o['address-line2'] ? { line2: o['address-line2'] } : {}), postalCode: o['postal-code'], city: o.city, ...(o.country ? { country: o.country } : {}) },
    object: o.object,
    status: o.status,
    siren: o.siren,
    signatoryName: o['signatory-name'],
    signatoryTitle: o['signatory-title'],
  });
  if (!parsed.success) {
    const fields = [...new Set(parsed.issues.map((i) => optionOf[v.getDotPath(i) ?? ''] ?? v.getDotPath(i) ?? '?'))];
    throw new CliInputError(say('cli.receiptIssuer.invalid', { fields }));
  }
  const id = await tenantId(db, say, slug);
  const { changed } = await setReceiptIssuer(db, id, parsed.output, { tenantId: id, actorId: null, origin: INSTITUTION_CLI_ORIGIN, at: new Date().toISOString() });
  return changed ? say('cli.receiptIssuer.set', { slug, legalName: parsed.output.legalName }) : say('cli.receiptIssuer.unchanged', { slug });
}
