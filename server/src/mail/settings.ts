/**
 * What the institution's messages read from its settings: its branding
 * (`settings.branding`: the name at their top and their colours) and its pages
 * (`settings.pages`: where their links that sign people in land). Set by an
 * administrator (`PUT /v1/mail/branding`, `PUT /v1/mail/pages`) or an operator
 * (`pnpm passerelle institution set-branding`, `set-pages`), through the shared
 * schemas, the policy's `mail.configure` and an audit entry from the old value
 * to the new. Each replaces the whole setting; other settings are untouched.
 */
import * as v from 'valibot';
import { InstitutionPagesSchema, MailBrandingSchema, type FieldIssue, type InstitutionPages, type MailBrandingAnswer, type MailBrandingInput, type MailPagesAnswer } from '@passerelle/schema';
import type { Call } from '../call.ts';
import type { Db, DbOrTx } from '../db/open.ts';
import type { Deps } from '../context.ts';
import type { AuditOrigin } from '../audit/audit.ts';
import { authorize } from '../auth/authorize.ts';
import { writeAudit } from '../audit/audit.ts';
import { validationProblem } from '../http/problem.ts';
import { withTransaction } from '../db/transaction.ts';
import { institutionOrigins } from '../tenancy/queries/institutions.ts';
import { institutionOf } from './queries/recipients.ts';
import { updateInstitutionSettings } from '../consents/queries/settings.ts';
import { brandingOf } from './render.ts';

/** The keys in `institutions.settings`. */
export const BRANDING = 'branding';
export const PAGES = 'pages';

const configure = (call: Pick<Call, 'actor'>) => authorize(call.actor, 'mail.configure', { kind: 'records', tenantId: call.actor.tenantId, entityIds: [] });

async function settingsOf(db: DbOrTx, tenantId: string): Promise<{ name: string; settings: Record<string, unknown> }> {
  return (await institutionOf(db, tenantId)) ?? { name: '', settings: {} };
}

function brandingAnswer(institution: { name: string; settings: Record<string, unknown> }): MailBrandingAnswer {
  const set = v.safeParse(MailBrandingSchema, institution.settings[BRANDING] ?? {});
  return { branding: set.success ? set.output : {}, effective: brandingOf(institution) };
}

function pagesIn(settings: Record<string, unknown>): InstitutionPages {
  const set = v.safeParse(InstitutionPagesSchema, settings[PAGES] ?? {});
  return set.success ? set.output : {};
}

/** Stores the branding (checked by `MailBrandingInputSchema` before), audited when it changes; answers whether it did. */
export async function storeMailBranding(db: Db, who: AuditOrigin, branding: MailBrandingInput): Promise<{ changed: boolean; answer: MailBrandingAnswer }> {
  return withTransaction({ db }, async (tx) => {
    const institution = await settingsOf(tx, who.tenantId);
    const before = brandingAnswer(institution).branding;
    if (JSON.stringify(before) === JSON.stringify(branding)) return { changed: false, answer: brandingAnswer(institution) };
    const settings = { ...institution.settings, [BRANDING]: branding };
    await updateInstitutionSettings(tx, who.tenantId, settings);
    await writeAudit(tx, who, { action: 'institution.mailBranding', objectType: 'institution', objectId: who.tenantId, detail: { from: before, to: branding } });
    return { changed: true, answer: brandingAnswer({ ...institution, settings }) };
  });
}

/** A page whose origin the institution has not registered could not sign anyone in (the portal there is refused): field issues. */
async function unregisteredPages(db: DbOrTx, tenantId: string, pages: InstitutionPages): Promise<FieldIssue[]> {
  const origins = new Set((await institutionOrigins(db, tenantId)) ?? []);
  return Object.entries(pages)
    .filter(([, page]) => page !== undefined && !origins.has(new URL(page).origin))
    .map(([key, page]): FieldIssue => ({ path: key, code: 'mail.pages.unregisteredOrigin', params: { origin: new URL(page!).origin } }));
}

/** Stores the pages (checked by `InstitutionPagesInputSchema` before, and here against the registered origins), audited when they change. */
export async function storeMailPages(db: Db, who: AuditOrigin, pages: InstitutionPages): Promise<{ changed: boolean; answer: MailPagesAnswer }> {
  const issues = await unregisteredPages(db, who.tenantId, pages);
  if (issues.length > 0) throw validationProblem(issues);
  return withTransaction({ db }, async (tx) => {
    const { settings } = await settingsOf(tx, who.tenantId);
    const before = pagesIn(settings);
    if (JSON.stringify(before) === JSON.stringify(pages)) return { changed: false, answer: { pages } };
    await updateInstitutionSettings(tx, who.tenantId, { ...settings, [PAGES]: pages });
    await writeAudit(tx, who, { action: 'institution.mailPages', objectType: 'institution', objectId: who.tenantId, detail: { from: before, to: pages } });
    return { changed: true, answer: { pages } };
  });
}

/** `GET /v1/mail/branding` (administrators). */
export async function readMailBranding(deps: Pick<Deps, 'db'>, call: Pick<Call, 'actor'>): Promise<MailBrandingAnswer> {
  configure(call);
  return brandingAnswer(await settingsOf(deps.db, call.actor.tenantId));
}

/** `PUT /v1/mail/branding` (administrators). */
export async function setMailBranding(deps: Pick<Deps, 'db'>, call: Pick<Call, 'actor' | 'who'>, branding: MailBrandingInput): Promise<MailBrandingAnswer> {
  configure(call);
  return (await storeMailBranding(deps.db, call.who, branding)).answer;
}

/** `GET /v1/mail/pages` (administrators). */
export async function readMailPages(deps: Pick<Deps, 'db'>, call: Pick<Call, 'actor'>): Promise<MailPagesAnswer> {
  configure(call);
  return { pages: pagesIn((await settingsOf(deps.db, call.actor.tenantId)).settings) };
}

/** `PUT /v1/mail/pages` (administrators). */
export async function setMailPages(deps: Pick<Deps, 'db'>, call: Pick<Call, 'actor' | 'who'>, pages: InstitutionPages): Promise<MailPagesAnswer> {
  configure(call);
  return (await storeMailPages(deps.db, call.who, pages)).answer;
}
