/**
 * Valid bodies for every write route, and fresh objects made through the
 * API as the person who may make them, so that a refusal the suite sees is
 * the policy's and not the validator's.
 */
import { randomUUID } from 'node:crypto';
import { sampleOfferBody } from '@passerelle/server/testing';
import { after, before } from 'node:test';
import { rowsOf, freshSiret, startApi, type Api, type Caller, type RoleName } from './harness.ts';

export type Json = Record<string, unknown>;

const address = { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon' };

export function fixtures(api: Api) {
  const { ids } = api.t;
  const demo = ids.demo;

  const created = async (method: string, path: string, as: Caller | { token: string }, body: unknown, headers: Record<string, string> = {}) => {
    const r = await api.send(method, path, { ...(typeof as === 'string' ? { as } : as), body, headers });
    if (r.status !== 201 && r.status !== 200) throw new Error(`fixture ${method} ${path}: ${r.status} ${r.text}`);
    return r;
  };
  const idOf = (r: { json: unknown }) => (r.json as { id: string }).id;

  const bodies = {
    offer: (over: Json = {}): Json => sampleOfferBody({ companyId: demo.companies.acme, targetEntityIds: [demo.entities.engineering] }, over),
    offerPatch: (): Json => ({ location: 'Lyon 7e' }),
    reason: (): Json => ({ reason: 'Précisez la gratification.' }),
    gift: (over: Json = {}): Json => ({
      kind: 'donation',
      amountCents: 30000,
      frequency: 'once',
      designation: { kind: 'entity', entityId: demo.entities.engineering },
      donor: { kind: 'individual', fullName: 'Claire Dubois', address },
      publicThanks: false,
      ...over,
    }),
    tax: (over: Json = {}): Json => ({
      kind: 'apprenticeship_tax',
      companyId: demo.companies.acme,
      entityId: demo.entities.engineering,
      sharePercent: 50,
      estimatedAmountCents: 250000,
      campaignYear: 2026,
      contact: { name: 'Marc Lefèvre', email: 'marc.lefevre@acme-robotique.fr' },
      viaAccountant: false,
      ...over,
    }),
    pledgePatch: (): Json => ({ publicThanks: true }),
    receive: (): Json => ({ receivedAmountCents: 1000, receivedOn: '2026-03-01' }),
    cancel: (): Json => ({ reason: 'Doublon' }),
    importCsv: (): Json => ({ csv: 'SIRET;UAI;Montant;Date\n52345678800026;0754321P;10;2026-06-15' }),
    receiptIssuer: (): Json => ({
      legalName: 'Université de Démonstration',
      address: { line1: '1 place de l’Université', postalCode: '75005', city: 'Paris' },
      object: 'Enseignement supérieur et recherche',
      status: 'higher_education',
      siren: '197534712',
      signatoryName: 'Nadia Haddad',
      signatoryTitle: 'Présidente de l’université',
    }),
    receiptCorrection: (): Json => ({ reason: 'Adresse erronée', address: { line1: '8 quai Saint-Vincent', postalCode: '69001', city: 'Lyon' } }),
    company: (): Json => ({ name: `Société ${randomUUID().slice(0, 6)}`, siret: freshSiret(), website: 'https://example.org' }),
    companyPatch: (): Json => ({ website: 'https://www.acme-robotique.fr' }),
    companyRequest: (companyId: string = demo.companies.globex): Json => ({ companyId, message: 'Je recrute.' }),
    purpose: (): Json => ({
      key: `p-${randomUUID().slice(0, 8)}`,
      title: { fr: 'Lettre', en: 'Letter' },
      description: { fr: 'Des nouvelles.', en: 'News.' },
      legalBasis: 'consent',
      channels: ['email'],
      entityId: demo.entities.university,
      retentionMonths: 24,
    }),
    purposePatch: (): Json => ({ retentionMonths: 36 }),
    settings: (): Json => ({ solicitationCapDefault: 4 }),
    consentChoice: (): Json => ({ channels: { email: true } }),
    cap: (): Json => ({ perMonth: 3 }),
    withdrawAll: (): Json => ({ origin: { component: 'security-suite' } }),
    erasure: (): Json => ({ confirm: true, note: 'Merci.' }),
    profilePatch: (): Json => ({ workCity: 'Lyon' }),
    webhook: (): Json => ({ url: 'https://crm.example.org/hooks/passerelle', events: ['offer.published', 'offer.submitted', 'pledge.created'], description: 'CRM' }),
    webhookPatch: (): Json => ({ description: 'CRM (production)' }),
    exchange: (): Json => ({ token: api.t.hostToken('student-ines') }),
    emailSignIn: (): Json => ({ tenant: 'demo', email: `someone-${randomUUID().slice(0, 8)}@example.org` }),
  };

  /** The ETag a GET answers (as an administrator, who sees everything). */
  const etagOf = async (path: string, as: Caller = 'admin'): Promise<string> => {
    const r = await api.send('GET', path, { as });
    const etag = r.headers.get('etag');
    if (!etag) throw new Error(`no ETag on GET ${path}: ${r.status} ${r.text}`);
    return etag;
  };

  let transfers = 0;
  const make = {
    /** An offer by `as` (a draft unless `submit`). */
    offer: async (as: RoleName, over: Json = {}) =>
      idOf(await created('POST', '/v1/offers', as, bodies.offer(over), { 'idempotency-key': randomUUID() })),
    /** Ines's offer, submitted to moderation (staff-eng and admins may publish it). */
    submittedOffer: () => make.offer('student', { submit: true }),
    /** Published directly by staff-eng. */
    publishedOffer: () => make.offer('staff', { submit: true }),
    /** Acme's apprenticeship tax for École d'ingénieurs, pledged by its representative. */
    taxPledge: async () => idOf(await created('POST', '/v1/pledges', 'company_rep', bodies.tax(), { 'idempotency-key': randomUUID() })),
    /**
     * A transfer two open pledges of Acme for École d'ingénieurs match, kept by an administrator's
     * import for staff to choose (a new amount each time): its id, and one of the two pledges.
     */
    keptTransfer: async () => {
      const pledgeId = await make.taxPledge();
      await make.taxPledge();
      const csv = `SIRET;UAI;Montant;Date\n81234567600017;0754321P;${1000 + ++transfers},00;2026-06-15`;
      const lines = (await created('POST', '/v1/pledges/import', 'admin', { csv })).json as { lines: { transferId?: string }[] };
      const transferId = lines.lines[0]?.transferId;
      if (!transferId) throw new Error(`no transfer kept: ${JSON.stringify(lines)}`);
      return { transferId, pledgeId };
    },
    /** Claire's gift to École d'ingénieurs. */
    gift: async () => idOf(await created('POST', '/v1/pledges', 'alumnus', bodies.gift(), { 'idempotency-key': randomUUID() })),
    /** Claire's gift to École d'ingénieurs, received by an administrator: its tax receipt. */
    receipt: async () => {
      const gift = await make.gift();
      return ((await created('POST', `/v1/pledges/${gift}/receive`, 'admin', {})).json as { receipt: { id: string } }).receipt.id;
    },
    /** A recruiter (no membership) asks to represent Initech. */
    companyRequest: async (token: string) => idOf(await created('POST', '/v1/companies/requests', { token }, bodies.companyRequest(demo.companies.initech))),
    /** A new person signed in by email asks for erasure. */
    erasureRequest: async () => {
      const person = await api.emailPerson();
      return idOf(await created('POST', '/v1/me/erasure', { token: person.token }, bodies.erasure()));
    },
    purpose: async () => idOf(await created('POST', '/v1/purposes', 'admin', bodies.purpose())),
    /** Claire adds Inès's address as her own: a possible duplicate, flagged on Claire's profile. */
    duplicateFlag: async () => {
      const path = `/v1/profiles/${demo.people['alumna-claire']}`;
      const ines = (await api.send('GET', `/v1/profiles/${demo.people['student-ines']}`, { as: 'admin' })).json as { emails?: { address: string }[] };
      const address = ines.emails?.[0]?.address ?? 'ines.martin@etu.demo.test';
      await created('PATCH', path, 'alumnus', { emails: [{ address, primary: true }] }, { 'if-match': await etagOf(path) });
      const [row] = await rowsOf(api.t, 'SELECT id FROM profile_duplicate_flags WHERE person_id = ? AND resolved_at IS NULL ORDER BY created_at DESC', [demo.people['alumna-claire']]);
      if (!row) throw new Error('no duplicate flag was raised');
      return String(row.id);
    },
  };

  const more = {
    /** A subscription of the demo tenant (administrators). */
    webhook: async () => idOf(await created('POST', '/v1/webhooks', 'admin', bodies.webhook())),
    /** A delivery: a subscription, then an offer published by staff-eng fires it. */
    delivery: async () => {
      const webhook = await more.webhook();
      await make.publishedOffer();
      const [row] = await rowsOf(api.t, 'SELECT id FROM webhook_deliveries WHERE subscription_id = ? LIMIT 1', [webhook]);
      if (!row) throw new Error('publishing an offer queued no webhook delivery');
      return String(row.id);
    },
  };

  /** One object per name for the whole run (created on first use). */
  const memo = new Map<string, Promise<string>>();
  const shared = (name: string, create: () => Promise<string>): Promise<string> => {
    if (!memo.has(name)) memo.set(name, create());
    return memo.get(name)!;
  };

  /**
   * A personal address the caller asked to add, with the code mailed to it
   * (`verify` true: then verified, with its id). Anonymous callers get an
   * address nobody asked for.
   */
  const personalAddress = async (caller: Caller, verify = false): Promise<{ email: string; code: string; id: string }> => {
    const email = `perso-${randomUUID().slice(0, 8)}@example.org`;
    if (caller === 'anonymous') return { email, code: '000000', id: randomUUID() };
    const asked = await api.send('POST', '/v1/me/addresses', { as: caller, body: { email } });
    if (asked.status !== 202) throw new Error(`fixture POST /v1/me/addresses: ${asked.status} ${asked.text}`);
    const code = [...api.t.mail].reverse().find((m) => m.to === email)?.text.match(/\b(\d{6})\b/)?.[1];
    if (!code) throw new Error(`no code mailed to ${email}`);
    if (!verify) return { email, code, id: randomUUID() };
    const verified = await created('POST', '/v1/me/addresses/verify', caller, { email, code });
    const item = (verified.json as { items: { id: string; email: string }[] }).items.find((a) => a.email === email)!;
    return { email, code, id: item.id };
  };

  return { api, ids, demo, bodies, make: { ...make, ...more }, etagOf, shared, personalAddress };
}
export type Fixtures = ReturnType<typeof fixtures>;

/** Starts the app before a test file's tests (handing it and its fixtures to `ready`) and closes it after them. */
export function startForThisFile(ready: (api: Api, f: Fixtures) => void): void {
  let api: Api | undefined;
  before(async () => {
    api = await startApi();
    ready(api, fixtures(api));
  });
  after(() => api?.close());
}
