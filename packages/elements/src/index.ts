// Classes and helpers only: importing this file defines no element.
// Register with `import '@passerelle/elements/portal/define.ts'` (or load dist/<component>.js).
export { ApiError } from './core/api-error.ts';
export { createClient } from './core/create-client.ts';
export { headers, newIdempotencyKey, type PasserelleClient, type Rpc, type ClientOptions, type CallHeaders, type Answer, type BodyOf } from './core/client.ts';
export { Auth, type Me, type Membership, type Session, type SignOutReason, type IdentityTokenSource, type AuthState } from './core/auth.ts';
export { portalContext, type PortalContext } from './core/context.ts';
export { AuthOwner, type SessionConfig, type SessionHost } from './core/auth-owner.ts';
export { SessionController, type SignedIn } from './core/session-controller.ts';
export { EmailSignIn } from './core/email-sign-in.ts';
export { PasserelleElement } from './core/passerelle-element.ts';
export { SavedEvent, PasserelleErrorEvent } from './core/events.ts';
export { SignedInEvent, SignedOutEvent } from './core/session-events.ts';
export { define } from './core/register.ts';
export { warnOnce } from './core/warn-once.ts';
export { FormController, type FieldSpec, type FieldType, type FieldOption, type FormOptions } from './forms/form-controller.ts';
export { theme, formStyles } from './styles/theme.ts';
export * from './i18n/index.ts';
export { PasserellePortal } from './portal/portal.ts';
