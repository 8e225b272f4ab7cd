/**
 * Where an institution's gifts are paid: a page template for the institution,
 * for some entities (and those below them) and for some funds, set by an
 * administrator (`PUT /v1/pledges/payment-pages`, `pnpm passerelle
 * institution set-payment-page`), kept in the institution's `settings` under
 * `paymentPages`. Before this, only the configuration file's `paymentUrls` (by
 * slug) or `settings.paymentUrl` said it: either still serves as the default
 * until an administrator sets one. The secret that signs the payment page's
 * callback is kept beside it (`paymentCallback`), never answered.
 */
import * as v from 'valibot';
import { NO_PAYMENT_PAGES, PaymentPagesSchema, type FieldIssue, type PaymentPages } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import type { Db, DbOrTx } from '../db/open.ts';
import type { AuditOrigin } from '../audit/audit.ts';
import type { Config } from '../env.ts';
import { writeAudit } from '../audit/audit.ts';
import { authorize } from '../auth/authorize.ts';
import { validationProblem } from '../http/problem.ts';
import { untilChange } from '../db/until-change.ts';
import { withTransaction } from '../db/transaction.ts';
import { findInstitutionSettings, updateInstitutionSettings } from '../consents/queries/settings.ts';
import { entityParents } from '../auth/session.ts';
import { generateSecret, ROTATION_OVERLAP_MS, type SigningKeys } from '../webhooks/sign.ts';

/** The keys in `institutions.settings`. */
export const PAYMENT_PAGES = 'paymentPages';
export const PAYMENT_CALLBACK = 'paymentCallback';

/** The pages as set, or the legacy single page as the default (settings.paymentUrl, then the file's paymentUrls[slug]). */
function pagesIn(settings: Record<string, unknown>, fileUrl: string | undefined): PaymentPages {
  const set = v.safeParse(PaymentPagesSchema, settings[PAYMENT_PAGES]);
  if (set.success) return set.output;
  const legacy = typeof settings.paymentUrl === 'string' && /^https:\/\//.test(settings.paymentUrl) ? settings.paymentUrl : (fileUrl ?? null);
  return { ...NO_PAYMENT_PAGES, default: legacy };
}

/** The institution's payment pages (kept until the database changes). */
export async function paymentPagesOf(deps: Pick<Deps, 'db'> & { config: Pick<Config, 'parameters'> }, tenantId: string, slug: string): Promise<PaymentPages> {
  const fileUrl = deps.config.parameters.pledges.paymentUrls[slug];
  return untilChange(deps.db, `paymentPages:${tenantId}`, async () => pagesIn((await findInstitutionSettings(deps.db, tenantId))?.settings ?? {}, fileUrl));
}

/** The signing keys of the institution's payment callback, or null when no secret was set. */
export async function paymentCallbackKeys(db: DbOrTx, tenantId: string): Promise<SigningKeys | null> {
  const value = (await findInstitutionSettings(db, tenantId))?.settings[PAYMENT_CALLBACK];
  const keys = value as Partial<SigningKeys> | undefined;
  return keys && typeof keys.secret === 'string' ? { secret: keys.secret, previousSecret: keys.previousSecret ?? null, previousSecretUntil: keys.previousSecretUntil ?? null } : null;
}

/** What `GET /v1/pledges/payment-pages` answers. */
export type PaymentPagesAnswer = PaymentPages & { callbackConfigured: boolean };

async function answerOf(deps: Pick<Deps, 'db' | 'config'>, tenantId: string, slug: string): Promise<PaymentPagesAnswer> {
  return { ...(await paymentPagesOf(deps, tenantId, slug)), callbackConfigured: (await paymentCallbackKeys(deps.db, tenantId)) !== null };
}

/** Entities that are not the institution's, funds that are not configured: field issues. */
function unknownTargets(pages: PaymentPages, parents: Record<string, string | null>, funds: Config['parameters']['pledges']['funds']): FieldIssue[] {
  return [
    ...Object.keys(pages.entities).filter((id) => !(id in parents)).map((id): FieldIssue => ({ path: `entities.${id}`, code: 'payment.page.unknownEntity', params: {} })),
    ...Object.keys(pages.funds).filter((code) => !funds.some((f) => f.code === code)).map((code): FieldIssue => ({ path: `funds.${code}`, code: 'payment.page.unknownFund', params: {} })),
  ];
}

/** Replaces the institution's payment pages (other settings untouched), with an audit entry from the old to the new. */
export async function storePaymentPages(db: Db, config: Pick<Config, 'parameters'>, who: AuditOrigin, pages: PaymentPages): Promise<void> {
  const issues = unknownTargets(pages, await entityParents(db, who.tenantId), config.parameters.pledges.funds);
  if (issues.length) throw validationProblem(issues);
  await withTransaction({ db }, async (tx) => {
    const settings = (await findInstitutionSettings(tx, who.tenantId))?.settings ?? {};
    const before = v.safeParse(PaymentPagesSchema, settings[PAYMENT_PAGES]);
    await updateInstitutionSettings(tx, who.tenantId, { ...settings, [PAYMENT_PAGES]: pages });
    await writeAudit(tx, who, { action: 'pledge.paymentPages', objectType: 'institution', objectId: who.tenantId, detail: { from: before.success ? before.output : null, to: pages } });
  });
}

/** `GET /v1/pledges/payment-pages`: administrators. */
export async function readPaymentPages(deps: Pick<Deps, 'db' | 'config'>, call: Call): Promise<PaymentPagesAnswer> {
  const { actor } = call;
  authorize(actor, 'pledge.setPaymentPages', { kind: 'records', tenantId: actor.tenantId, entityIds: [] });
  return answerOf(deps, actor.tenantId, call.tenantSlug);
}

/** `PUT /v1/pledges/payment-pages`: administrators replace the institution's pages. */
export async function setPaymentPages(deps: Pick<Deps, 'db' | 'config'>, call: Call, pages: PaymentPages): Promise<PaymentPagesAnswer> {
  const { actor } = call;
  authorize(actor, 'pledge.setPaymentPages', { kind: 'records', tenantId: actor.tenantId, entityIds: [] });
  await storePaymentPages(deps.db, deps.config, call.who, pages);
  return answerOf(deps, actor.tenantId, call.tenantSlug);
}

/**
 * A new secret for the payment page's callback (shown once, to the operator);
 * the previous one keeps verifying for a day, as a webhook secret does after
 * a rotation, so the payment page can switch without losing a notice.
 */
export async function rotatePaymentSecret(db: Db, who: AuditOrigin): Promise<string> {
  const secret = generateSecret();
  await withTransaction({ db }, async (tx) => {
    const settings = (await findInstitutionSettings(tx, who.tenantId))?.settings ?? {};
    const before = await paymentCallbackKeys(tx, who.tenantId);
    const keys: SigningKeys = {
      secret,
      previousSecret: before?.secret ?? null,
      previousSecretUntil: before ? new Date(Date.parse(who.at) + ROTATION_OVERLAP_MS).toISOString() : null,
    };
    await updateInstitutionSettings(tx, who.tenantId, { ...settings, [PAYMENT_CALLBACK]: keys });
    await writeAudit(tx, who, { action: 'pledge.paymentSecret.rotate', objectType: 'institution', objectId: who.tenantId, detail: { previousKeptUntil: keys.previousSecretUntil } });
  });
  return secret;
}
