import { Hono } from 'hono';
import * as v from 'valibot';
import {
  FreshnessCampaignSchema,
  FreshnessResultSchema,
  IdSchema,
  InstitutionPagesInputSchema,
  LinkResendSchema,
  LinkResentSchema,
  LinkSessionSchema,
  LinkSignInSchema,
  ListQuerySchema,
  MailBrandingAnswerSchema,
  MailBrandingInputSchema,
  MailPagesAnswerSchema,
  MailPreferenceSchema,
  MailPreferencesSchema,
  MailUnsubscribeQuerySchema,
  PersonMailPageSchema,
  optionalMailKinds,
} from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { callOf } from '../call.ts';
import { jsonBody, pathParams, queryParams } from '../http/validate.ts';
import { describeRoute } from '../http/describe.ts';
import { listPersonMail, mailPreferences, setMailPreference, unsubscribe } from './reads.ts';
import { resendLink, signInWithLink } from './links.ts';
import { runFreshnessCampaign } from './freshness.ts';
import { choiceOrigin } from '../consents/origin.ts';
import { readMailBranding, readMailPages, setMailBranding, setMailPages } from './settings.ts';

const UnsubscribedSchema = v.object({ kind: v.picklist(optionalMailKinds), on: v.literal(false) });

/**
 * The mail a person was sent, as staff see it; one's optional messages
 * (digest, reminders); and the one-click unsubscribe (RFC 8058) of their
 * List-Unsubscribe links, which needs no session: the link's token names
 * the person and the kind of message.
 */
export const mailRoutes = new Hono<AppEnv>()
  .post(
    '/unsubscribe',
    describeRoute({ operationId: 'unsubscribeMail', summary: 'Turn off the optional message a List-Unsubscribe link came with (one click, no session)', tags: ['mail'], public: true, answers: { 200: UnsubscribedSchema }, problems: [404] }),
    queryParams(MailUnsubscribeQuerySchema),
    async (c) => c.json(await unsubscribe(c.get('deps'), c.req.valid('query')), 200),
  )
  .post(
    '/links/sign-in',
    describeRoute({
      operationId: 'signInWithLink',
      summary: 'Trade the link of a message for a session (once, within 7 days; staff rights withheld as for an email code); a consent reminder’s link also renews that consent',
      description:
        'A used or expired link is 401 `link.used` or `link.expired` with the masked `address` a fresh link would go to. From a page of an origin the institution has not registered, 403 `auth.originUnregistered` (the link stays unused). A consent reminder’s link renews the consents it names, still in force for the same text, with the proof a consent-centre choice records (the checked `Origin`, the `origin.page` and `origin.component` the page names, the text’s version): `renewed`.',
      tags: ['mail'],
      public: true,
      answers: { 200: LinkSessionSchema },
      problems: [401, 403],
    }),
    jsonBody(LinkSignInSchema),
    async (c) => {
      const { tenant, token, origin } = c.req.valid('json');
      return c.json(await signInWithLink(c.get('deps'), { tenant, token, where: choiceOrigin(c, origin) }), 200);
    },
  )
  .post(
    '/links/resend',
    describeRoute({ operationId: 'resendLink', summary: 'Send a fresh link to the address a link went to (once per link)', tags: ['mail'], public: true, answers: { 202: LinkResentSchema }, problems: [401] }),
    jsonBody(LinkResendSchema),
    async (c) => c.json(await resendLink(c.get('deps'), c.req.valid('json')), 202),
  )
  .post(
    '/freshness',
    describeRoute({ operationId: 'runFreshnessCampaign', summary: 'Email the people one looks after whose profile has not been confirmed for N months a link to update it (those who agreed, within their cap)', tags: ['mail'], answers: { 200: FreshnessResultSchema }, problems: [409] }),
    requireAuth(),
    jsonBody(FreshnessCampaignSchema),
    async (c) => c.json(await runFreshnessCampaign(c.get('deps'), callOf(c), c.req.valid('json')), 200),
  )
  .get('/branding', describeRoute({ operationId: 'getMailBranding', summary: 'The name and colours of the institution’s messages, as set and as used (administrators)', tags: ['mail'], answers: { 200: MailBrandingAnswerSchema } }), requireAuth(), async (c) =>
    c.json(await readMailBranding(c.get('deps'), callOf(c)), 200),
  )
  .put(
    '/branding',
    describeRoute({ operationId: 'setMailBranding', summary: 'Set the name and colours of the institution’s messages: white text must read on the primary colour, the text colour on white (administrators; audited)', tags: ['mail'], answers: { 200: MailBrandingAnswerSchema } }),
    requireAuth(),
    jsonBody(MailBrandingInputSchema),
    async (c) => c.json(await setMailBranding(c.get('deps'), callOf(c), c.req.valid('json')), 200),
  )
  .get('/pages', describeRoute({ operationId: 'getMailPages', summary: 'The pages of the institution’s site the links of its messages open (administrators)', tags: ['mail'], answers: { 200: MailPagesAnswerSchema } }), requireAuth(), async (c) =>
    c.json(await readMailPages(c.get('deps'), callOf(c)), 200),
  )
  .put(
    '/pages',
    describeRoute({ operationId: 'setMailPages', summary: 'Set the pages the links of messages open: https pages of a registered origin, with the portal on them; a place left out gets no link (administrators; audited)', tags: ['mail'], answers: { 200: MailPagesAnswerSchema } }),
    requireAuth(),
    jsonBody(InstitutionPagesInputSchema),
    async (c) => c.json(await setMailPages(c.get('deps'), callOf(c), c.req.valid('json')), 200),
  )
  .get('/preferences', describeRoute({ operationId: 'getMailPreferences', summary: 'One’s optional messages (daily digest, reminders) and whether each is on', tags: ['mail'], answers: { 200: MailPreferencesSchema } }), requireAuth(), async (c) =>
    c.json(await mailPreferences(c.get('deps'), callOf(c)), 200),
  )
  .put('/preferences', describeRoute({ operationId: 'setMailPreference', summary: 'Turn one optional message on or off', tags: ['mail'], answers: { 200: MailPreferencesSchema } }), requireAuth(), jsonBody(MailPreferenceSchema), async (c) =>
    c.json(await setMailPreference(c.get('deps'), callOf(c), c.req.valid('json')), 200),
  )
  .get(
    '/people/:personId',
    describeRoute({ operationId: 'listPersonMail', summary: 'What was sent to a person and when: kind, status, masked address, never the content (their staff, administrators, the person)', tags: ['mail'], answers: { 200: PersonMailPageSchema } }),
    requireAuth(),
    pathParams(v.object({ personId: IdSchema })),
    queryParams(ListQuerySchema),
    async (c) => c.json(await listPersonMail(c.get('deps'), callOf(c), { personId: c.req.valid('param').personId, ...c.req.valid('query') }), 200),
  );
