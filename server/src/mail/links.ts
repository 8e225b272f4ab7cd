/**
 * Links that sign in. Each message that has somewhere to send the person
 * (the page of `settings.pages` for its kind) carries a link made when it
 * is sent: a single-use token bound to the person, the institution, the
 * page and the address, valid 7 days, and only when that address is the
 * person's verified one (their sign-in address). The portal trades it for
 * a session (`signInWithLink`), as an email code would: it proves the
 * mailbox, so staff rights are withheld like for a code. The link of a
 * consent reminder also renews that consent, in the same transaction
 * (`renewConsentFromLink`). A used or expired link says so and offers a
 * fresh one to the same address (`resendLink`; that one only signs in).
 */
import { randomBytes } from 'node:crypto';
import * as v from 'valibot';
import { InstitutionPagesSchema, LINK_PARAMETER, linkActionOf, type LinkAction, type MailKind, type MailParams } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { DbOrTx } from '../db/open.ts';
import { ProblemError } from '../http/problem.ts';
import { withTransaction } from '../db/transaction.ts';
import { writeAudit } from '../audit/audit.ts';
import { openSession, hashToken, loadSessionActor } from '../auth/session.ts';
import { refuseUnregisteredOrigin } from '../auth/require-auth.ts';
import { renewConsentFromLink, type ChoiceOrigin, type RenewedConsent } from '../consents/choices.ts';
import { findMail } from './queries/outbox.ts';
import { findInstitutionBySlug } from '../tenancy/queries/institutions.ts';
import { findAddressOwner } from '../addresses/queries.ts';
import { currentAddressOf, findSignInLink, insertSignInLink, markLinkResent, markLinkUsed, type SignInLinkRow } from './queries/links.ts';
import { enqueueMail } from './enqueue.ts';
import { maskAddress } from './reads.ts';

/** The query parameter the portal reads on the page a link opens (shared with the elements). */
export { LINK_PARAMETER };

/**
 * Whether the address signs the person in: their own record's (the sign-in
 * address), or a personal one they verified (addresses/). A link goes only
 * there, and stops working once it no longer does.
 */
async function isVerifiedAddressOf(db: DbOrTx, tenantId: string, personId: string, address: string): Promise<boolean> {
  return (await currentAddressOf(db, tenantId, personId)) === address || (await findAddressOwner(db, tenantId, address)) === personId;
}

/** How long a link signs in. */
export const LINK_DAYS = 7;

/** The page a message of this kind opens, from the institution's settings (none: no link). */
export function linkTarget(kind: MailKind, params: unknown, settings: Record<string, unknown>): { action: LinkAction; page: string } | null {
  const action = kind === 'auth.link' ? (params as MailParams['auth.link']).action : linkActionOf[kind];
  if (!action) return null;
  const pages = v.safeParse(InstitutionPagesSchema, settings.pages ?? {});
  const page = pages.success ? pages.output[action] : undefined;
  return page ? { action, page } : null;
}

/**
 * Makes the link of a message about to be sent, or null when there is no
 * page to open or the address is not the person's verified one.
 */
export async function makeLink(db: DbOrTx, input: { tenantId: string; personId: string; address: string; mailId: string | null; action: LinkAction; page: string; now: Date }): Promise<string | null> {
  if (!(await isVerifiedAddressOf(db, input.tenantId, input.personId, input.address.toLowerCase()))) return null;
  const token = randomBytes(32).toString('base64url');
  await insertSignInLink(db, {
    tenantId: input.tenantId,
    personId: input.personId,
    action: input.action,
    address: input.address.toLowerCase(),
    tokenHash: hashToken(token),
    mailId: input.mailId,
    createdAt: input.now.toISOString(),
    expiresAt: new Date(input.now.getTime() + LINK_DAYS * 86_400_000).toISOString(),
  });
  const url = new URL(input.page);
  url.searchParams.set(LINK_PARAMETER, token);
  return url.toString();
}

/** The link a token names, for this institution, still going to its person's address; otherwise 401 `link.unknown`. */
async function linkOf(tx: DbOrTx, slug: string, token: string): Promise<SignInLinkRow> {
  const tenant = await findInstitutionBySlug(tx, slug);
  const link = await findSignInLink(tx, hashToken(token));
  if (!tenant || !link || link.tenantId !== tenant.id || !(await isVerifiedAddressOf(tx, link.tenantId, link.personId, link.address))) throw new ProblemError('unauthenticated', 'link.unknown');
  return link;
}

/**
 * Trades a link for a session (once, within 7 days); a used or expired one is
 * 401 with the masked address a fresh one would go to. From a browser, the
 * page must be of one of the institution's registered origins (403
 * otherwise, the link left unused). A consent reminder's link renews the
 * consent in the same transaction (`renewed`; null otherwise).
 */
export async function signInWithLink(deps: Pick<Deps, 'db' | 'clock' | 'config'>, input: { tenant: string; token: string; where: ChoiceOrigin }) {
  const now = deps.clock.now();
  const at = now.toISOString();
  return withTransaction({ db: deps.db }, async (tx) => {
    const link = await linkOf(tx, input.tenant, input.token);
    await refuseUnregisteredOrigin(tx, input.where.checked ?? undefined, link.tenantId);
    const address = maskAddress(link.address)!;
    if (link.usedAt) throw new ProblemError('unauthenticated', 'link.used', { address }, { members: { address } });
    if (link.expiresAt <= at) throw new ProblemError('unauthenticated', 'link.expired', { address }, { members: { address } });
    if (!(await markLinkUsed(tx, link.id, at))) throw new ProblemError('unauthenticated', 'link.used', { address }, { members: { address } });
    const session = await openSession(tx, { tenantId: link.tenantId, personId: link.personId, method: 'email', now, ttlMinutes: deps.config.sessionTtlMinutes });
    const who = { tenantId: link.tenantId, actorId: link.personId, origin: input.where.checked, at };
    await writeAudit(tx, who, { action: 'auth.link', objectType: 'session', subjectId: link.personId, detail: { action: link.action } });
    let renewed: RenewedConsent | null = null;
    const mail = link.mailId ? await findMail(tx, link.mailId) : undefined;
    if (mail?.kind === 'consent.expiresSoon') {
      const { renewal } = mail.params as unknown as MailParams['consent.expiresSoon'];
      if (renewal) {
        const actor = await loadSessionActor(tx, { tenantId: link.tenantId, personId: link.personId, method: 'email' });
        renewed = await renewConsentFromLink(tx, { actor, tenantSlug: input.tenant, who }, renewal, input.where, now);
      }
    }
    return { ...session, action: link.action, renewed };
  });
}

/**
 * From a link (used, expired or not), a fresh one to the same address, by
 * the outbox; once per link, and the same answer the second time.
 */
export async function resendLink(deps: Pick<Deps, 'db' | 'clock'>, input: { tenant: string; token: string }) {
  const at = deps.clock.now().toISOString();
  return withTransaction({ db: deps.db }, async (tx) => {
    const link = await linkOf(tx, input.tenant, input.token);
    if (await markLinkResent(tx, link.id, at)) await enqueueMail(tx, { tenantId: link.tenantId, personId: link.personId, kind: 'auth.link', params: { action: link.action }, at });
    return { sent: true as const, address: maskAddress(link.address)! };
  });
}
