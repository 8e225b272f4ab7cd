import type { Translation } from './fr.ts';

/** Shared English strings; `satisfies` makes a missing or extra key a type error. */
export const en = {
  signIn: {
    title: 'Sign in',
    intro: 'Get a sign-in code by email.',
    email: 'Email address',
    emailHint: 'We will send you a 6-digit code.',
    sendCode: 'Send me a code',
    code: 'Code from the email',
    codeHint: (email: string) => `Enter the code sent to ${email}.`,
    verify: 'Sign in',
    otherEmail: 'Use another address',
    signingIn: 'Signing in…',
    expired: 'Your session has expired. Please sign in again.',
  },
  session: {
    signedInAs: 'Signed in as',
    signOut: 'Sign out',
    signOutEverywhere: 'Sign out everywhere',
    signOutEverywhereFailed: 'Your other sessions could not be ended. Try again.',
    roles: 'Roles',
  },
  roles: {
    student: 'Student',
    alumnus: 'Alumnus',
    staff: 'Staff',
    admin: 'Administrator',
    company_rep: 'Company representative',
    dpo: 'Data protection officer',
  },
  form: {
    summaryTitle: 'There is a problem',
    summaryIntro: (count: number) => (count === 1 ? 'Correct the following field:' : `Correct the following ${count} fields:`),
    fieldError: (label: string, message: string) => `${label}: ${message}`,
    problemTitle: 'That did not work',
    busy: 'Sending…',
    required: 'required',
    optional: 'optional',
    choose: 'Choose…',
  },
} satisfies Translation;
