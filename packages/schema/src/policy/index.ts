export * from './types.ts';
export { decide, can, actionResourceKind, authorEditableStatuses } from './policy.ts';
export { profileAudience, audienceNeedsEntities, outsiderAudience, visibleLevels, visibilityLevels, type VisibilityLevel } from './audience.ts';
export { allowedActions } from './allowed-actions.ts';
export { NOT_FOUND, refusalReasons } from './reasons.ts';
export { selfAndAncestors, staffCovers, coveredEntityIds, entityScope, type EntityScope } from './scope.ts';
export { offerVerbs, offerTransitions, offerRenewal, closedOfferStatuses, moderationOutcome, offerTransitionTarget, type OfferVerb } from './offer-transitions.ts';
export { visitorActions, visitorActor } from './visitor.ts';
export { pledgeScope, type PledgeScope } from './pledge-scope.ts';
export { profileFieldAction, decideProfileField, editableProfileFields, settableVisibilityLevels } from './profile-edit.ts';
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
