import { Hono } from 'hono';
import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { methodNotAllowed } from 'hono/method-not-allowed';
import type { AppEnv, Clock, Deps } from './context.ts';
import { systemClock } from './context.ts';
import type { Config } from './env.ts';
import type { Db } from './db/open.ts';
import { mailerFor, type Mailer } from './auth/mailer.ts';
import { onError, onNotFound } from './http/errors.ts';
import { limitBody, requireJson } from './http/limits.ts';
import { tenantCors } from './http/cors.ts';
import { noStore } from './http/no-store.ts';
import { problemResponse } from './http/problem.ts';
import { message } from '@passerelle/schema/messages';
import { apiDescriptionRoutes } from './http/docs.ts';
import { createLogger, type Logger } from './http/log.ts';
import { requestIds, requestLog } from './http/request-log.ts';
import { serviceRoutes, type Worker } from './http/ready.ts';
import { authRoutes } from './auth/routes.ts';
import { sessionRoutes } from './sessions/routes.ts';
import { meRoutes } from './me/routes.ts';
import { addressRoutes } from './addresses/routes.ts';
import { consentRoutes } from './consents/routes.ts';
import { purposeRoutes } from './purposes/routes.ts';
import { erasureRequestRoutes } from './rights/routes.ts';
import { companyRoutes } from './companies/routes.ts';
import { offerRoutes } from './offers/routes.ts';
import { devRoutes } from './dev/routes.ts';
import { profileRoutes } from './profiles/routes.ts';
import { pledgeRoutes } from './pledges/routes.ts';
import { paymentCallbackRoutes } from './pledges/callback-routes.ts';
import { receiptRoutes } from './receipts/routes.ts';
import { exportRoutes } from './exports/routes.ts';
import { webhookRoutes } from './webhooks/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { mailRoutes } from './mail/routes.ts';
import { mySolicitationRoutes, solicitationRoutes } from './solicitations/routes.ts';
import { retentionRoutes } from './retention/routes.ts';

export interface AppOptions {
  db: Db;
  config: Config;
  clock?: Clock;
  mailer?: Mailer;
  /** `dns.lookup` unless given (tests give a table). */
  lookup?: LookupFunction;
  /** The log (tests give one that keeps its lines); otherwise standard output at `config.logLevel`. */
  logger?: Logger;
  /** The background workers this process runs, which `/ready` reports on. */
  workers?: readonly Worker[];
}

/** The API routes, chained so that their types flow to the typed client. */
function routes() {
  return new Hono<AppEnv>()
    .route('/auth', authRoutes)
    .route('/auth/sessions', sessionRoutes)
    .route('/me/solicitations', mySolicitationRoutes)
    .route('/me/addresses', addressRoutes)
    .route('/me', meRoutes)
    .route('/consents', consentRoutes)
    .route('/purposes', purposeRoutes)
    .route('/erasure-requests', erasureRequestRoutes)
    .route('/companies', companyRoutes)
    .route('/offers', offerRoutes)
    .route('/profiles', profileRoutes)
    // Before the pledge routes, which ask for a session: the payment page's callback is signed instead.
    .route('/pledges/payment-callback', paymentCallbackRoutes)
    .route('/pledges', pledgeRoutes)
    .route('/receipts', receiptRoutes)
    .route('/exports', exportRoutes)
    .route('/webhooks', webhookRoutes)
    .route('/audit', auditRoutes)
    .route('/mail', mailRoutes)
    .route('/solicitations', solicitationRoutes)
    .route('/retention', retentionRoutes);
}

/**
 * Builds the API over the given database. Tests call it with an in-memory
 * database and `app.request()`; `index.ts` serves it on a port.
 */
export function createApp(options: AppOptions) {
  const clock = options.clock ?? systemClock;
  const config = options.config;
  const mailer = options.mailer ?? mailerFor(config, options.db, clock);
  const deps: Deps = { db: options.db, clock, mailer, config, lookup: options.lookup ?? dnsLookup };

  const v1 = routes();
  if (config.dev) v1.route('/dev', devRoutes);

  const log = options.logger ?? createLogger(config);

  const app = new Hono<AppEnv>();
  app.onError(onError);
  app.notFound(onNotFound);
  app.use(requestIds());
  app.use(requestLog(log));
  app.use(async function provideDeps(c, next) {
    c.set('deps', deps);
    await next();
  });
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        problemResponse(c, 'methodNotAllowed', message('request.methodNotAllowed', { method: c.req.method, allowed: methods }), { headers: { allow: methods.join(', ') } }),
    }),
  );
  app.use(tenantCors());
  app.use('/v1/*', noStore());
  app.use(limitBody());
  app.use(requireJson());
  app.route('/', serviceRoutes(options.workers ?? []));
  app.route('/v1', v1);
  // Last: the description lists every route mounted before it.
  app.route('/v1', apiDescriptionRoutes(app));
  return app;
}

/** The API's type, for `hc<AppType>` in the elements (a type-only import). */
export type AppType = ReturnType<typeof routes>;
