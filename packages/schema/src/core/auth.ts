import * as v from 'valibot';
import { EmailSchema, IdSchema, IsoDateTimeSchema, SlugSchema } from './common.ts';
import { SignInCodeSchema } from './sign-in-code.ts';
import { roles } from '../policy/types.ts';
import { signInMethods } from '../policy/sign-in.ts';

/** `POST /v1/auth/exchange`: a host-signed identity token for a session. */
export const ExchangeSchema = v.strictObject({
  token: v.pipe(v.string(), v.minLength(1), v.maxLength(8192)),
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
  code: SignInCodeSchema,
});

/** What a session answers: the bearer token and when it stops working. */
export interface SessionGrant {
  token: string;
  expiresAt: string;
}

export const SignInMethodSchema = v.picklist(signInMethods);

/**
 * What `GET /v1/me` says of the session besides the person: how it was
 * opened, and the roles the person holds that it does not carry (an email
 * code withholds staff and admin; sign in through the institution for them).
 */
export const MeSessionSchema = v.object({
  signInMethod: SignInMethodSchema,
  withheldRoles: v.array(v.picklist(roles)),
});
export type MeSession = v.InferOutput<typeof MeSessionSchema>;

/** One of the caller's live sessions (`GET /v1/auth/sessions`): never its token nor the token's hash. */
export const SessionSummarySchema = v.object({
  id: IdSchema,
  signInMethod: SignInMethodSchema,
  createdAt: IsoDateTimeSchema,
  expiresAt: IsoDateTimeSchema,
  /** The session this request was made with. */
  current: v.boolean(),
});
export type SessionSummary = v.InferOutput<typeof SessionSummarySchema>;

/** `GET /v1/auth/sessions`: the caller's live sessions, newest first. */
export const SessionListSchema = v.object({ items: v.array(SessionSummarySchema) });
export type SessionList = v.InferOutput<typeof SessionListSchema>;
