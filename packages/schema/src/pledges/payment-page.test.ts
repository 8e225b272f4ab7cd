import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { issueMessage } from '../messages/index.ts';
import { PaymentPageTemplateSchema, PaymentPagesSchema, paymentPageFor, paymentPageUrl } from './payment-page.ts';

const codeOf = (template: string) => {
  const r = v.safeParse(PaymentPageTemplateSchema, template);
  return r.success ? null : issueMessage(r.issues[0]).code;
};

describe('payment page templates', () => {
  it('https only, known placeholders only', () => {
    expect(codeOf('https://pay.example/?amount={amount}&ref={reference}')).toBeNull();
    expect(codeOf('https://pay.example/don')).toBeNull();
    expect(codeOf('http://pay.example/?amount={amount}')).toBe('payment.page.https');
    expect(codeOf('https://user:secret@pay.example/')).toBe('payment.page.https');
    expect(codeOf('javascript:alert(1)//{reference}')).toBe('payment.page.https');
    expect(codeOf('https://pay.example/?amount={montant}')).toBe('payment.page.placeholder');
    expect(codeOf('https://pay.example/?amount={amount')).toBe('payment.page.placeholder');
  });
  it('fills the amount and the reference in, URL-encoded', () => {
    const reference = '3f1c2b9a-0d4e-4c1f-8a77-1b2c3d4e5f60';
    expect(paymentPageUrl('https://pay.example/?amount={amount}&cents={amountCents}&ref={reference}&cur={currency}', { amountCents: 5050, reference })).toBe(
      `https://pay.example/?amount=50.50&cents=5050&ref=${reference}&cur=EUR`,
    );
    expect(paymentPageUrl('https://pay.example/{reference}', { amountCents: 100, reference: 'a b&c' })).toBe('https://pay.example/a%20b%26c');
  });
  it('the fund’s page, else the nearest entity’s up the tree, else the institution’s', () => {
    const pages = v.parse(PaymentPagesSchema, {
      default: 'https://pay.example/univ?ref={reference}',
      entities: { '11111111-1111-4111-8111-111111111111': 'https://pay.example/inge?ref={reference}' },
      funds: { scholarships: 'https://pay.example/bourses?ref={reference}' },
    });
    const parents = { '11111111-1111-4111-8111-111111111111': 'root', '22222222-2222-4222-8222-222222222222': '11111111-1111-4111-8111-111111111111', root: null, mgmt: 'root' };
    expect(paymentPageFor(pages, { entityId: '22222222-2222-4222-8222-222222222222', fund: 'scholarships' }, parents)).toBe('https://pay.example/bourses?ref={reference}');
    expect(paymentPageFor(pages, { entityId: '22222222-2222-4222-8222-222222222222' }, parents)).toBe('https://pay.example/inge?ref={reference}');
    expect(paymentPageFor(pages, { entityId: 'mgmt', fund: 'research' }, parents)).toBe('https://pay.example/univ?ref={reference}');
    expect(paymentPageFor({ ...pages, default: null }, { entityId: 'mgmt' }, parents)).toBeNull();
  });
});
