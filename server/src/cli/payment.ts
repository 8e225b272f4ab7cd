/**
 * `pnpm passerelle institution set-payment-page | rotate-payment-secret`:
 * where an institution's gifts are paid, and the secret that signs its payment
 * page's callback (pledges/payment-pages.ts), audited with the command line
 * as origin.
 */
import { PaymentPageTemplateSchema } from '@passerelle/schema';
import type { Say } from '@passerelle/schema/messages/staff';
import type { Db } from '../db/open.ts';
import type { Parameters } from '../config/parameters.ts';
import { INSTITUTION_CLI_ORIGIN } from '../auth/staff-email-sign-in.ts';
import { ProblemError } from '../http/problem.ts';
import { findEntityIdByName } from '../tenancy/queries/entities.ts';
import { paymentCallbackKeys, paymentPagesOf, rotatePaymentSecret, storePaymentPages } from '../pledges/payment-pages.ts';
import { CliInputError, parse, tenantId } from './tenant.ts';

const whoIn = (tenantId: string) => ({ tenantId, actorId: null, origin: INSTITUTION_CLI_ORIGIN, at: new Date().toISOString() });

/** Sets (or with `none` removes) the page of the institution, of one entity (`--entity`) or of one fund (`--fund`). */
export async function setPaymentPageCommand(db: Db, say: Say, parameters: Parameters, slug: string, url: string, target: { entity?: string | undefined; fund?: string | undefined }): Promise<string> {
  if (target.entity !== undefined && target.fund !== undefined) throw new CliInputError(say('cli.command.misused', { command: 'institution' }));
  const id = await tenantId(db, say, slug);
  const template = url === 'none' ? null : parse(say, PaymentPageTemplateSchema, url);
  const pages = await paymentPagesOf({ db, config: { parameters } }, id, slug);
  const next = { default: pages.default, entities: { ...pages.entities }, funds: { ...pages.funds } };
  if (target.entity !== undefined) {
    const entityId = await findEntityIdByName(db, id, target.entity);
    if (!entityId) throw new CliInputError(say('cli.entity.unknown', { slug, name: target.entity }));
    if (template) next.entities[entityId] = template;
    else delete next.entities[entityId];
  } else if (target.fund !== undefined) {
    if (template) next.funds[target.fund] = template;
    else delete next.funds[target.fund];
  } else next.default = template;
  try {
    await storePaymentPages(db, { parameters }, whoIn(id), next);
  } catch (err) {
    if (err instanceof ProblemError && err.options.errors) throw new CliInputError(say('cli.input.invalid', { errors: [...err.options.errors] }));
    throw err;
  }
  return say('cli.paymentPage.set', { slug, target: target.entity ?? null, fund: target.fund ?? null, url: template });
}

/** A new callback secret, printed once; the previous one still verifies for a day. */
export async function rotatePaymentSecretCommand(db: Db, say: Say, slug: string): Promise<string> {
  const id = await tenantId(db, say, slug);
  const secret = await rotatePaymentSecret(db, whoIn(id));
  const keys = await paymentCallbackKeys(db, id);
  return say('cli.paymentSecret.rotated', { slug, secret, previousKeptUntil: keys?.previousSecretUntil ?? null });
}
