import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { EmailCodeSentSchema, ExchangeGrantSchema, SessionGrantSchema, EmailSignInSchema, ExchangeSchema, VerifyCodeSchema, type SessionGrant } from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { jsonBody } from '../http/validate.ts';
import { ProblemError, unauthenticated } from '../http/problem.ts';
import { findInstitutionBySlug } from '../tenancy/queries/institutions.ts';
import { listLiveHostKeys } from '../tenancy/queries/host-keys.ts';
import { purgeExpiredTokenIds, recordTokenId } from './queries/used-token-ids.ts';
import { HostTokenError, peekToken, verifyHostToken } from './host-token.ts';
import { loadSessionActor, openSession, revokeSession } from './session.ts';
import { meOf } from '../me/view.ts';
import { personForEmail, personForHostIdentity } from './provision.ts';
import { consumeCode, issueCode, rateLimited, tooManyWrongCodesFrom, CODE_LIFETIME_MINUTES, RATE_WINDOW_MINUTES, WRONG_CODES_IP_WINDOW_MINUTES } from './email-code.ts';
import { codeMail, pausedMail } from './sign-in-mail.ts';
import { clientIp } from './client-ip.ts';
import { writeAudit } from '../audit/audit.ts';
import { requireAuth } from './require-auth.ts';
import { describeRoute } from '../http/describe.ts';
import { withTransaction } from '../db/transaction.ts';

const refused = () => unauthenticated('auth.tokenInvalid');

const wrongCode = () => unauthenticated('auth.code.wrong');

/** EMAIL_SIGN_IN=off: the email-code routes answer 404 before reading the body. */
const emailSignInOn = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get('deps').config.emailSignIn) throw new ProblemError('notFound', 'auth.emailSignInOff');
  await next();
});

export const authRoutes = new Hono<AppEnv>()
  /** Trades a host-signed identity token (JWT) for a session. */
  .post('/exchange', describeRoute({ operationId: 'exchangeIdentityToken', summary: 'Trade an identity token signed by the institution’s site for a session', tags: ['auth'], public: true, answers: { 200: ExchangeGrantSchema }, problems: [401] }), jsonBody(ExchangeSchema), async (c) => {
    const { db, clock, config } = c.get('deps');
    const now = clock.now();
    const { token } = c.req.valid('json');
    let issuer: string;
    try {
      issuer = peekToken(token).iss;
    } catch {
      throw refused();
    }
    const tenant = await findInstitutionBySlug(db, issuer);
    if (!tenant) throw refused();
    const keys = await listLiveHostKeys(db, tenant.id);
    let identity;
    try {
      identity = await verifyHostToken(token, keys, tenant.slug, Math.floor(now.getTime() / 1000));
    } catch (err) {
      if (err instanceof HostTokenError) {
        console.warn(`[passerelle] identity token refused for ${tenant.slug}: ${err.message}`);
        throw refused();
      }
      throw err;
    }
    const { grant, personId } = await withTransaction({ db }, async (tx) => {
      await purgeExpiredTokenIds(tx, now.toISOString());
      const fresh = await recordTokenId(tx, { tenantId: tenant.id, jti: identity.jti, expiresAt: new Date((identity.exp + 120) * 1000).toISOString() });
      if (!fresh) throw refused();
      const personId = await personForHostIdentity(tx, tenant.id, identity, now);
      if (!personId) {
        throw unauthenticated('auth.personUnknown');
      }
      const session = await openSession(tx, { tenantId: tenant.id, personId, method: 'host', now, ttlMinutes: config.sessionTtlMinutes });
      await writeAudit(tx, { tenantId: tenant.id, actorId: personId, origin: c.req.header('origin') ?? null, at: now.toISOString() }, { action: 'auth.exchange', objectType: 'session', subjectId: personId });
      return { grant: session, personId };
    });
    // What GET /v1/me would answer with this session, read once it is committed: the page needs no second round trip.
    const actor = await loadSessionActor(db, { tenantId: tenant.id, personId, method: 'host' });
    return c.json({ ...grant, me: await meOf(db, actor, 'host') }, 200);
  })
  /**
   * Sends a sign-in code. The answer, and the work done before it, are the
   * same for a known, an unknown or a paused address: one code stored, one
   * mail sent to the address.
   */
  .post('/email', describeRoute({ operationId: 'sendSignInCode', summary: 'Email a sign-in code (the same answer for any address)', description: '404 when the server has email sign-in turned off.', tags: ['auth'], public: true, answers: { 202: EmailCodeSentSchema }, problems: [404, 429] }), emailSignInOn, jsonBody(EmailSignInSchema), async (c) => {
    const { db, clock, mailer } = c.get('deps');
    const now = clock.now();
    const { tenant: slug, email } = c.req.valid('json');
    const tenant = await findInstitutionBySlug(db, slug);
    const ip = clientIp(c);
    if (tenant) {
      if (await rateLimited(db, tenant.id, email, ip, now)) {
        throw new ProblemError('tooManyRequests', 'auth.code.tooManyAsked', { minutes: RATE_WINDOW_MINUTES }, { headers: { 'retry-after': String(RATE_WINDOW_MINUTES * 60) } });
      }
      await mailer.send(codeMail(tenant.name, email, await issueCode(db, tenant.id, email, ip, now)));
    }
    return c.json({ sent: true, expiresInMinutes: CODE_LIFETIME_MINUTES }, 202);
  })
  /** Trades an emailed code for a session. */
  .post('/verify', describeRoute({ operationId: 'verifySignInCode', summary: 'Trade an emailed code for a session', description: '404 when the server has email sign-in turned off.', tags: ['auth'], public: true, answers: { 200: SessionGrantSchema }, problems: [401, 404, 429] }), emailSignInOn, jsonBody(VerifyCodeSchema), async (c) => {
    const { db, clock, config, mailer } = c.get('deps');
    const now = clock.now();
    const { tenant: slug, email, code } = c.req.valid('json');
    const ip = clientIp(c);
    if (await tooManyWrongCodesFrom(db, ip, now)) {
      throw new ProblemError('tooManyRequests', 'auth.code.tooManyWrong', { minutes: WRONG_CODES_IP_WINDOW_MINUTES }, { headers: { 'retry-after': String(WRONG_CODES_IP_WINDOW_MINUTES * 60) } });
    }
    const tenant = await findInstitutionBySlug(db, slug);
    if (!tenant) throw wrongCode();
    const check = await consumeCode(db, { tenantId: tenant.id, email, ip, code, now });
    if (!check.accepted) {
      // The wrong code that paused 6-digit codes for the address: its owner learns it, with a long code.
      if (check.paused) await mailer.send(pausedMail(tenant.name, email, check.paused));
      throw wrongCode();
    }
    const grant: SessionGrant = await withTransaction({ db }, async (tx) => {
      const person = await personForEmail(tx, tenant.id, email, now);
      const session = await openSession(tx, { tenantId: tenant.id, personId: person.id, method: 'email', now, ttlMinutes: config.sessionTtlMinutes });
      await writeAudit(tx, { tenantId: tenant.id, actorId: person.id, origin: c.req.header('origin') ?? null, at: now.toISOString() }, { action: person.created ? 'auth.email.first' : 'auth.email', objectType: 'session', subjectId: person.id });
      return session;
    });
    return c.json(grant, 200);
  })
  /** Revokes the current session. */
  .post('/logout', describeRoute({ operationId: 'signOut', summary: 'End this session', tags: ['auth'], answers: { 204: null } }), requireAuth(), async (c) => {
    const { db, clock } = c.get('deps');
    await revokeSession(db, c.get('auth').sessionId, clock.now());
    return c.body(null, 204);
  });
