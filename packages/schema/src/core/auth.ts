import * as v from 'valibot';
import { EmailSchema, SlugSchema } from './common.ts';

/** `POST /v1/auth/exchange`: a host-signed identity token for a session. */
export const ExchangeSchema = v.strictObject({
  token: v.pipe(v.string(), v.minLength(1, 'token is required.'), v.maxLength(8192, 'token is too long.')),
});

/** `POST /v1/auth/email`: send a sign-in code to this address. */
export const EmailSignInSchema = v.strictObject({
  tenant: SlugSchema,
  email: EmailSchema,
});

/** `POST /v1/auth/verify`: the code received by email. */
export const VerifyCodeSchema = v.strictObject({
  tenant: SlugSchema,
  email: EmailSchema,
  code: v.pipe(v.string(), v.trim(), v.regex(/^\d{6}$/, 'The code is the 6 digits from the email.')),
});

/** What a session answers: the bearer token and when it stops working. */
export interface SessionGrant {
  token: string;
  expiresAt: string;
}
