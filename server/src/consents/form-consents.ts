/**
 * Consents asked inside another form (issue 20 item 1): the offer, pledge
 * and profile forms show the purposes their host names, and send the
 * person's choices in their own body (`consents`). They are recorded here,
 * in the transaction of the form's own write, with the same proof as a
 * choice in the consent centre (the checked Origin, the page and component
 * the client names, the text's version) and the same audit entry and
 * webhook. Anything wrong with one of them refuses the whole request, so
 * that neither the form's write nor any choice is kept without the other.
 */
import type { Context } from 'hono';
import type { FieldIssue, FormConsent } from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import type { Call } from '../call.ts';
import type { DbOrTx } from '../db/open.ts';
import { authorize } from '../auth/authorize.ts';
import { ProblemError, validationProblem } from '../http/problem.ts';
import { findPurpose, type PurposeRow } from '../purposes/purposes.ts';
import { personResource } from './people.ts';
import { eventContext, recordOwnChoice, type ChoiceOrigin } from './choices.ts';
import { choiceOrigin } from './origin.ts';

/** A choice of a form's body, with where the request says it was made. */
export interface FormConsentChoice {
  readonly choice: FormConsent;
  readonly where: ChoiceOrigin;
}

/** The choices of a form's body as its route read them (none: an empty list). */
export function formConsentsOf(c: Context<AppEnv>, consents: readonly FormConsent[] | undefined): FormConsentChoice[] {
  return (consents ?? []).map((choice) => ({ choice, where: choiceOrigin(c, choice.origin) }));
}

/**
 * Records, in `tx`, the choices a form sent for `personId`: only their own
 * (the policy's `consent.edit`, as in the consent centre; staff correcting
 * someone's profile cannot consent for them). Checks every choice before
 * writing any: an unknown purpose or an unused channel is 400 with the
 * choice's path, a text that changed since it was shown 409
 * `consent.textChanged` naming the purpose and its current version.
 */
export async function recordFormConsents(tx: DbOrTx, call: Call, personId: string, choices: readonly FormConsentChoice[], now: Date): Promise<void> {
  if (choices.length === 0) return;
  const { actor, who } = call;
  authorize(actor, 'consent.edit', await personResource(tx, actor.tenantId, personId));
  const issues: FieldIssue[] = [];
  const purposes: PurposeRow[] = [];
  for (const [i, { choice }] of choices.entries()) {
    const purpose = await findPurpose(tx, actor.tenantId, { key: choice.purpose });
    if (!purpose) {
      issues.push({ path: `consents.${i}.purpose`, code: 'purpose.notFound', params: {} });
      continue;
    }
    const offered = new Set<string>(purpose.version.channels);
    for (const channel of Object.keys(choice.channels).filter((ch) => !offered.has(ch))) {
      issues.push({ path: `consents.${i}.channels.${channel}`, code: 'consent.channelUnused', params: { channel, channels: [...purpose.version.channels] } });
    }
    purposes.push(purpose);
  }
  if (issues.length > 0) throw validationProblem(issues);
  for (const [i, purpose] of purposes.entries()) {
    if (choices[i]!.choice.version !== purpose.version.hash) {
      throw new ProblemError('conflict', 'consent.textChanged', {}, { members: { purpose: purpose.key, currentVersion: purpose.version.hash } });
    }
  }
  for (const [i, purpose] of purposes.entries()) {
    const { choice, where } = choices[i]!;
    await recordOwnChoice(tx, who, purpose, choice.channels, eventContext(call, now, where), now);
  }
}
