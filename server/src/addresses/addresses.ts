/**
 * One's personal addresses (issue 17 item 4): asked for by a code sent to
 * the address, verified with that code, removed. The code is the sign-in
 * code's (auth/email-code.ts: hashed, single use, the same limits per
 * address and per client), since both prove the same thing: whoever enters
 * it receives mail there. Whether an address is someone else's is said only
 * once the code proved it is the reader's, so that the question does not
 * tell anyone who is known at the institution. The limits that count by
 * client address count here by person (`person:<id>`): the caller is known,
 * and a campus behind one address keeps its budget of sign-in codes.
 */
import type { PersonAddresses } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { authorize } from '../auth/authorize.ts';
import { CODE_LIFETIME_MINUTES, RATE_WINDOW_MINUTES, consumeCode, issueCode, rateLimited } from '../auth/email-code.ts';
import { pausedMail } from '../auth/sign-in-mail.ts';
import { writeAudit } from '../audit/audit.ts';
import { withTransaction } from '../db/transaction.ts';
import { ProblemError, notFound, validationProblem } from '../http/problem.ts';
import { personResource } from '../consents/people.ts';
import { findInstitution } from '../tenancy/queries/institutions.ts';
import { findPersonSummary } from '../tenancy/queries/people.ts';
import { addressCodeMail } from './code-mail.ts';
import { enqueueMail } from '../mail/enqueue.ts';
import { maskAddress } from '../mail/reads.ts';
import { deletePersonAddress, findAddressOwner, findPrimaryOwner, insertPersonAddress, listPersonAddresses } from './queries.ts';

type AddressDeps = Pick<Deps, 'db' | 'clock' | 'mailer'>;

/** Who asks, where the sign-in codes' limits name a client address. */
const askerOf = ({ actor }: Call) => `person:${actor.personId}`;

/** One's own addresses only (the policy's `profile.edit` on oneself: they are part of one's profile). */
async function authorizeOwn({ db }: Pick<Deps, 'db'>, { actor }: Call): Promise<void> {
  authorize(actor, 'profile.edit', await personResource(db, actor.tenantId, actor.personId));
}

export async function readAddresses({ db }: Pick<Deps, 'db'>, { actor }: Call): Promise<PersonAddresses> {
  const person = await findPersonSummary(db, actor.tenantId, actor.personId);
  return { primary: person?.email ?? null, items: await listPersonAddresses(db, actor.tenantId, actor.personId) };
}

/** Whether the address already signs the caller in (their own record's, or one they verified). */
async function alreadyMine(deps: Pick<Deps, 'db'>, { actor }: Call, email: string): Promise<boolean> {
  return (await findPrimaryOwner(deps.db, actor.tenantId, email)) === actor.personId || (await findAddressOwner(deps.db, actor.tenantId, email)) === actor.personId;
}

/** Mails a code to the address; 409 when it already is the caller's, 429 past the sign-in code's limits. */
export async function askToAddAddress(deps: AddressDeps, call: Call, input: { email: string }): Promise<{ sent: true; expiresInMinutes: number }> {
  const { db, clock, mailer } = deps;
  const { actor } = call;
  const asker = askerOf(call);
  await authorizeOwn(deps, call);
  if (await alreadyMine(deps, call, input.email)) throw new ProblemError('conflict', 'person.address.yours');
  const now = clock.now();
  if (await rateLimited(db, actor.tenantId, input.email, asker, now)) {
    throw new ProblemError('tooManyRequests', 'auth.code.tooManyAsked', { minutes: RATE_WINDOW_MINUTES }, { headers: { 'retry-after': String(RATE_WINDOW_MINUTES * 60) } });
  }
  const institution = await findInstitution(db, actor.tenantId);
  await mailer.send(addressCodeMail(institution?.name ?? '', input.email, await issueCode(db, actor.tenantId, input.email, asker, now)));
  return { sent: true, expiresInMinutes: CODE_LIFETIME_MINUTES };
}

/**
 * Adds the address once its code matches: from then on it signs the caller
 * in. A wrong code is 400 on `code` (the session is fine: not a 401); an
 * address someone else of the institution signs in with is 409.
 */
export async function verifyAddress(deps: AddressDeps, call: Call, input: { email: string; code: string }): Promise<PersonAddresses> {
  const { db, clock, mailer } = deps;
  const { actor, who } = call;
  await authorizeOwn(deps, call);
  if (await alreadyMine(deps, call, input.email)) throw new ProblemError('conflict', 'person.address.yours');
  const now = clock.now();
  const check = await consumeCode(db, { tenantId: actor.tenantId, email: input.email, ip: askerOf(call), code: input.code, now });
  if (!check.accepted) {
    if (check.paused) await mailer.send(pausedMail((await findInstitution(db, actor.tenantId))?.name ?? '', input.email, check.paused));
    throw validationProblem([{ path: 'code', code: 'auth.code.wrong', params: {} }]);
  }
  const taken = async () => {
    const primary = await findPrimaryOwner(db, actor.tenantId, input.email);
    const verified = await findAddressOwner(db, actor.tenantId, input.email);
    return (primary !== undefined && primary !== actor.personId) || (verified !== undefined && verified !== actor.personId);
  };
  if (await taken()) throw new ProblemError('conflict', 'person.address.taken');
  try {
    await withTransaction({ db }, async (tx) => {
      const id = crypto.randomUUID();
      await insertPersonAddress(tx, { id, tenantId: actor.tenantId, personId: actor.personId, email: input.email, verifiedAt: now.toISOString() });
      await writeAudit(tx, who, { action: 'person.address.add', objectType: 'person', objectId: actor.personId, subjectId: actor.personId, detail: { addressId: id } });
      // Told at the address the institution knows them by: an address added by someone else (a stolen session) is not added unseen.
      await enqueueMail(tx, { tenantId: actor.tenantId, personId: actor.personId, kind: 'person.addressAdded', params: { address: maskAddress(input.email)!, addedAt: who.at }, at: who.at });
    });
  } catch (error) {
    // Verified by someone else at the same moment: the unique index refused the second.
    if (await taken()) throw new ProblemError('conflict', 'person.address.taken');
    if (!(await alreadyMine(deps, call, input.email))) throw error;
  }
  return readAddresses(deps, call);
}

/** Removes one of the caller's personal addresses: it no longer signs them in. */
export async function removeAddress(deps: Pick<Deps, 'db'>, call: Call, id: string): Promise<PersonAddresses> {
  const { actor, who } = call;
  await authorizeOwn(deps, call);
  await withTransaction({ db: deps.db }, async (tx) => {
    if (!(await deletePersonAddress(tx, actor.tenantId, actor.personId, id))) throw notFound('person.address.notFound');
    await writeAudit(tx, who, { action: 'person.address.remove', objectType: 'person', objectId: actor.personId, subjectId: actor.personId, detail: { addressId: id } });
  });
  return readAddresses(deps, call);
}
