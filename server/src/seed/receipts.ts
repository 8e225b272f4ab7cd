import type { ReceiptIssuer } from '@passerelle/schema';
import type { AreaSeed } from './areas.ts';
import { findInstitutionSettings, updateInstitutionSettings } from '../consents/queries/settings.ts';
import { RECEIPT_ISSUER } from '../receipts/issuer.ts';

/** The demo university as its tax receipts name it: a higher-education institution, SIREN of its schools' SIRETs. */
export const DEMO_RECEIPT_ISSUER: ReceiptIssuer = {
  legalName: 'Université de Démonstration',
  address: { line1: '1 place de l’Université', postalCode: '75005', city: 'Paris', country: 'FR' },
  object: 'Enseignement supérieur et recherche ; bourses et égalité des chances de ses étudiants',
  status: 'higher_education',
  siren: '197534712',
  signatoryName: 'Nadia Haddad',
  signatoryTitle: 'Présidente de l’université',
};

/** The demo institution issues tax receipts for gifts (set once: an administrator's later change stays). */
export const seedReceiptIssuer: AreaSeed = async (tx, ids) => {
  const settings = (await findInstitutionSettings(tx, ids.demo.tenantId))?.settings ?? {};
  if (settings[RECEIPT_ISSUER] === undefined) await updateInstitutionSettings(tx, ids.demo.tenantId, { ...settings, [RECEIPT_ISSUER]: DEMO_RECEIPT_ISSUER });
};
