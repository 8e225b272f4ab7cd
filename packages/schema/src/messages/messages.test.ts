import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { actions, offerStatuses } from '../policy/types.ts';
import { pledgeStatuses } from '../pledges/pledge.ts';
import { problemTypes } from '../core/problem.ts';
import { codes, messageCodes, type Catalogue, type Message, type MessageCode, type ParamsOf } from './codes.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { inWords, isMessageCode, issueMessage, looksLikeCode, message } from './index.ts';

/** Codes that take parameters: each needs a sample, or this file does not type-check. */
type WithParams = { [C in MessageCode]: keyof ParamsOf<C> extends never ? never : C }[MessageCode];
const samples: { [C in WithParams]: ParamsOf<C>[] } = {
  'problem.title': Object.keys(problemTypes).map((kind) => ({ kind: kind as keyof typeof problemTypes })),
  'validation.tooLong': [{ max: 200 }],
  'validation.tooShort': [{ min: 2 }],
  'validation.tooMany': [{ max: 5 }],
  'validation.tooFew': [{ min: 1 }, { min: 2 }],
  'validation.tooSmall': [{ min: 1 }],
  'validation.tooBig': [{ max: 100 }],
  'validation.outOfRange': [{ min: 1900, max: 2100 }],
  'validation.wrongType': (['text', 'number', 'boolean', 'list', 'object', 'value'] as const).map((expected) => ({ expected })),
  'validation.notOneOf': [{ options: ['once', 'monthly', 'yearly'] }, { options: ['EUR'] }],
  'request.tooLarge': [{ maxKiB: 100 }],
  'request.methodNotAllowed': [{ method: 'PUT', allowed: ['GET', 'POST'] }],
  'request.noRoute': [{ method: 'GET', path: '/v1/nothing' }],
  'list.limit': [{ max: 100 }],
  'link.used': [{ address: 'c•••@example.org' }],
  'link.expired': [{ address: 'c•••@example.org' }],
  'mail.pages.unregisteredOrigin': [{ origin: 'https://www.univ-exemple.fr' }],
  'server.busy': [{ seconds: 2 }],
  'server.databaseUnreachable': [{ seconds: 2 }],
  'retention.active': [{ since: '2024-05-17' }],
  'retention.excluded': [{ reason: 'institutionAccount' }, { reason: 'erasureRequested' }],
  'auth.originUnregistered': [{ origin: 'https://evil.example' }],
  'auth.code.tooManyAsked': [{ minutes: 15 }],
  'auth.code.tooManyWrong': [{ minutes: 15 }],
  'policy.refused': actions.map((action) => ({ action })),
  'policy.wrongResource': [{ action: 'offer.edit', expected: 'offer', actual: 'pledge' }],
  'policy.adminOnly': (['purposes', 'consentDefaults', 'consentExport', 'solteaCalendar', 'paymentPages', 'mailSettings'] as const).map((task) => ({ task })),
  'soltea.period.overlap': [{ previousCloses: '2026-06-26' }],
  'soltea.period.transfersBeforeClose': [{ closes: '2026-06-26' }],
  'soltea.period.wrongYear': [{ year: 2026 }],
  'soltea.unallocatedTooEarly': [{ closes: '2026-10-23' }],
  'payment.callback.expired': [{ seconds: 300 }],
  'company.siretExists': [{ name: 'Acme Robotique', represent: true }, { name: 'Acme Robotique', represent: false }],
  'company.alreadyRepresented': [{ name: 'Acme Robotique' }],
  'company.alreadyAsked': [{ name: 'Acme Robotique' }],
  'companyRequest.decided': [{ status: 'approved' }, { status: 'refused' }],
  'offer.closed': offerStatuses.map((status) => ({ status })),
  'offer.wrongStatus': offerStatuses.flatMap((status) => (['submit', 'publish', 'reject', 'requestChanges', 'withdraw', 'fill', 'renew'] as const).map((verb) => ({ status, verb }))),
  'offer.submit.required': (['description', 'location', 'remote', 'startDate', 'duration', 'weeklyHours', 'apply', 'expiresOn'] as const).map((field) => ({ field })),
  'offer.duration.tooLong': [{ months: 6 }],
  'offer.stipend.owed': [
    { minimumMonthlyCents: 68250, hourlyRateCents: 450, rateYear: 2026, givenCents: 0 },
    { minimumMonthlyCents: 68250, hourlyRateCents: 450, rateYear: 2026, givenCents: 50000 },
  ],
  'offer.expiry.tooFar': [{ latest: '2027-03-02' }],
  'pledge.amountLocked': pledgeStatuses.map((status) => ({ status })),
  'pledge.tax.campaignOver': [{ year: 2025 }],
  'pledge.fieldNotForKind': [{ kind: 'donation' }, { kind: 'apprenticeship_tax' }],
  'pledge.allocate.wrongStatus': pledgeStatuses.map((status) => ({ status })),
  'pledge.receive.wrongStatus': pledgeStatuses.map((status) => ({ status })),
  'pledge.cancel.wrongStatus': pledgeStatuses.map((status) => ({ status })),
  'pledge.report.columns': [{ missing: ['uai', 'date'] }],
  'pledge.report.unreadable': [{ line: 3 }],
  'purpose.keyExists': [{ key: 'alumni-news' }],
  'consent.channelUnused': [{ channel: 'sms', channels: ['email', 'post'] }],
  'rights.recentSignIn': [{ task: 'export', minutes: 15 }, { task: 'erase', minutes: 15 }],
  'webhook.url.https': [{ localAllowed: true }, { localAllowed: false }],
  'webhook.url.internalHost': (['loopback', 'private', 'link-local', 'shared', 'unspecified', 'multicast', 'reserved'] as const).map((range) => ({ host: '10.0.0.7', range })),
  'webhook.url.internalAnswer': [{ host: 'crm.intranet.example.org', address: '10.0.0.7', range: 'private' }],
  'webhook.url.unresolvable': [{ host: 'nowhere.example.org' }],
};

/** Every code with every sample of its parameters (`{}` for the codes that take none). */
function everyMessage(): Message[] {
  return messageCodes.flatMap((code) => ((samples as Partial<Record<MessageCode, object[]>>)[code] ?? [{}]).map((params) => ({ code, params }) as Message));
}

const say = (catalogue: Catalogue, m: Message) => (catalogue[m.code] as (params: unknown) => string)(m.params);

/** Words that give away an English sentence in the French catalogue. */
const englishWords = [' the ', 'The ', 'Invalid', 'Expected', ' is ', ' are ', ' you ', 'You ', ' your ', ' and ', ' must ', ' cannot ', 'Choose', 'Enter', 'Please', ' only ', ' with ', ' this ', 'This '];

describe('the catalogues', () => {
  it('have French and English words for every code, and nothing else', () => {
    expect(messageCodes.length).toBeGreaterThan(100);
    for (const [language, catalogue] of [['fr', fr], ['en', en]] as const) {
      const missing = messageCodes.filter((code) => typeof catalogue[code] !== 'function');
      expect(missing, `codes without ${language} words`).toEqual([]);
      expect(Object.keys(catalogue).filter((key) => !(key in codes)), `${language} words without a code`).toEqual([]);
    }
  });

  it('say something for every code and every sample of its parameters, in both languages', () => {
    for (const m of everyMessage()) {
      for (const catalogue of [fr, en]) {
        const text = say(catalogue, m);
        expect(text.trim().length, m.code).toBeGreaterThan(0);
        expect(text, m.code).not.toMatch(/undefined|NaN|\[object Object\]/);
      }
    }
  });

  it('speak French without English words in the French catalogue', () => {
    const english = everyMessage()
      .map((m) => [m.code, say(fr, m)] as const)
      .filter(([, text]) => englishWords.some((w) => text.includes(w)));
    expect(english).toEqual([]);
  });

  it('codes are dotted identifiers, never sentences', () => {
    for (const code of messageCodes) expect(looksLikeCode(code), code).toBe(true);
    expect(looksLikeCode('Choose a company from the list.')).toBe(false);
    expect(isMessageCode('offer.notFound')).toBe(true);
    expect(isMessageCode('offer.nothing')).toBe(false);
  });

  it('word a code they do not know, or parameters of another shape, as the generic sentence', () => {
    expect(inWords(fr, { code: 'offer.fromTheFuture', params: {} })).toBe(fr['problem.unknown']({}));
    expect(inWords(en, { code: 'policy.refused', params: { action: 'offer.moderate' } })).toBe(en['policy.refused']({ action: 'offer.moderate' }));
    expect(inWords(en, message('auth.code.tooManyAsked', { minutes: 15 }))).toBe('Too many codes were asked for. Wait 15 minutes and try again.');
  });
});

/** The one issue `schema` finds in `input`, as a code. */
function codeOf(schema: v.GenericSchema, input: unknown): Message {
  const result = v.safeParse(schema, input);
  expect(result.success).toBe(false);
  return issueMessage(result.issues![0]!);
}

describe('valibot issues as codes', () => {
  const body = (entries: v.ObjectEntries) => v.strictObject(entries);

  it('a missing key is required, an unknown one is not expected', () => {
    expect(codeOf(body({ name: v.string() }), {})).toEqual({ code: 'validation.required', params: {} });
    expect(codeOf(body({}), { role: 'admin' })).toEqual({ code: 'validation.unknownKey', params: {} });
    expect(codeOf(v.variant('kind', [v.strictObject({ kind: v.literal('a') })]), {})).toEqual({ code: 'validation.required', params: {} });
  });

  it('lengths: an empty text is required, then too short or too long; a list has too few or too many', () => {
    const text = v.pipe(v.string(), v.minLength(1), v.maxLength(3));
    expect(codeOf(text, '')).toEqual({ code: 'validation.required', params: {} });
    expect(codeOf(text, 'abcd')).toEqual({ code: 'validation.tooLong', params: { max: 3 } });
    expect(codeOf(v.pipe(v.string(), v.minLength(8)), 'abc')).toEqual({ code: 'validation.tooShort', params: { min: 8 } });
    const list = v.pipe(v.array(v.string()), v.minLength(2), v.maxLength(3));
    expect(codeOf(list, ['a'])).toEqual({ code: 'validation.tooFew', params: { min: 2 } });
    expect(codeOf(list, ['a', 'b', 'c', 'd'])).toEqual({ code: 'validation.tooMany', params: { max: 3 } });
  });

  it('numbers: below the minimum, above the maximum, not whole', () => {
    const year = v.pipe(v.number(), v.integer(), v.minValue(1900), v.maxValue(2100));
    expect(codeOf(year, 1800)).toEqual({ code: 'validation.tooSmall', params: { min: 1900 } });
    expect(codeOf(year, 2200)).toEqual({ code: 'validation.tooBig', params: { max: 2100 } });
    expect(codeOf(year, 2000.5)).toEqual({ code: 'validation.integer', params: {} });
  });

  it('formats: email, URL, date, time, id, pattern', () => {
    expect(codeOf(v.pipe(v.string(), v.email()), 'nope')).toEqual({ code: 'validation.email', params: {} });
    expect(codeOf(v.pipe(v.string(), v.url()), 'nope')).toEqual({ code: 'validation.url', params: {} });
    expect(codeOf(v.pipe(v.string(), v.isoDate()), '2026-13-45')).toEqual({ code: 'validation.date', params: {} });
    expect(codeOf(v.pipe(v.string(), v.isoTimestamp()), 'yesterday')).toEqual({ code: 'validation.dateTime', params: {} });
    expect(codeOf(v.pipe(v.string(), v.uuid()), 'nope')).toEqual({ code: 'validation.id', params: {} });
    expect(codeOf(v.pipe(v.string(), v.regex(/^\d+$/)), 'abc')).toEqual({ code: 'validation.format', params: {} });
  });

  it('a value of the wrong type, and one outside its options', () => {
    expect(codeOf(v.string(), 12)).toEqual({ code: 'validation.wrongType', params: { expected: 'text' } });
    expect(codeOf(v.number(), '12')).toEqual({ code: 'validation.wrongType', params: { expected: 'number' } });
    expect(codeOf(v.boolean(), 'yes')).toEqual({ code: 'validation.wrongType', params: { expected: 'boolean' } });
    expect(codeOf(v.array(v.string()), 'a')).toEqual({ code: 'validation.wrongType', params: { expected: 'list' } });
    expect(codeOf(body({}), 'text')).toEqual({ code: 'validation.wrongType', params: { expected: 'object' } });
    expect(codeOf(v.picklist(['once', 'monthly']), 'daily')).toEqual({ code: 'validation.notOneOf', params: { options: ['once', 'monthly'] } });
    expect(codeOf(v.variant('kind', [v.strictObject({ kind: v.literal('a') }), v.strictObject({ kind: v.literal('b') })]), { kind: 'c' })).toEqual({
      code: 'validation.notOneOf',
      params: { options: ['a', 'b'] },
    });
  });

  it('a check without a code of its own is invalid; a schema names a better code as the message', () => {
    expect(codeOf(v.pipe(v.string(), v.check(() => false)), 'x')).toEqual({ code: 'validation.invalid', params: {} });
    expect(codeOf(v.pipe(v.string(), v.uuid('offer.company.fromList')), 'Acme')).toEqual({ code: 'offer.company.fromList', params: {} });
    expect(codeOf(v.pipe(v.string(), v.regex(/^\d{5}$/, 'validation.postalCode')), 'abc')).toEqual({ code: 'validation.postalCode', params: {} });
  });

  it('a check that puts its code’s parameters on the issue is worded with them', () => {
    const rule = v.pipe(
      v.number(),
      v.rawCheck(({ dataset, addIssue }) => {
        addIssue({ message: 'offer.duration.tooLong' });
        Object.assign(dataset.issues!.at(-1)!, { params: { months: 6 } });
      }),
    );
    const m = codeOf(rule, 7);
    expect(m).toEqual({ code: 'offer.duration.tooLong', params: { months: 6 } });
    expect(inWords(fr, m)).toBe('Un stage dure au plus 6 mois.');
  });

  it('valibot’s English is in no message of either language', () => {
    const schema = body({ a: v.pipe(v.string(), v.maxLength(3)), b: v.picklist(['x', 'y']), c: v.number() });
    const issues = v.safeParse(schema, { a: 'abcdef', b: 'z', c: 'n', d: 1 }, { abortEarly: false }).issues!;
    expect(issues.length).toBe(4);
    for (const issue of issues) {
      for (const catalogue of [fr, en]) expect(inWords(catalogue, issueMessage(issue))).not.toMatch(/Invalid|Expected|received/);
    }
  });
});
