export * from './types.ts';
export { decide, can, actionResourceKind, authorEditableStatuses } from './policy.ts';
export { profileAudience, visibleLevels, visibilityLevels, type VisibilityLevel } from './audience.ts';
export { allowedActions } from './allowed-actions.ts';
export { NOT_FOUND, refusalReasons } from './reasons.ts';
export { selfAndAncestors, staffCovers } from './scope.ts';
export {
  signInMethods,
  institutionalRoles,
  roleCarried,
  actorForSession,
  withheldRoles,
  refusalReason,
  EMAIL_SESSION_WITHHOLDS_STAFF,
  type SignInMethod,
  type SessionSignIn,
} from './sign-in.ts';
