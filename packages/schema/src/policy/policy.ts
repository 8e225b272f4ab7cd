/**
 * `decide` / `can`: the role rules of docs/architecture.md as one pure function, so that
 * the server (which enforces) and the elements (which only hide what would be
 * refused) cannot disagree. Default deny: an action is allowed only when one
 * of the actor's memberships grants it.
 */
import type { Message } from '../messages/codes.ts';
import { COMPANY_REQUEST_INSTEAD, EDUCATION_LOCKED, NOT_FOUND, OFFER_LOCKED_FOR_AUTHOR, OFFER_OUTSIDE_STAFF_SCOPE, OFFER_OWN_COMPANY_ONLY, PLEDGE_OWN_COMPANY_ONLY, refusalReasons } from './reasons.ts';
import {
  coveredEntityIds,
  hasRole,
  isAdmin,
  representedCompanyIds,
  representsCompany,
  staffCovers,
  staffCoversAll,
  staffCoversAny,
} from './scope.ts';
import { refusalReason } from './sign-in.ts';
import { visitorActions } from './visitor.ts';
import type { Action, Actor, Decision, OfferStatus, Resource } from './types.ts';

/** The kind of resource each action is about. */
export const actionResourceKind = {
  'profile.read': 'person',
  'profile.edit': 'person',
  'consent.read': 'person',
  'consent.edit': 'person',
  'consent.proof': 'person',
  'data.export': 'person',
  'company.search': 'company',
  'company.create': 'company',
  'company.request': 'company',
  'company.edit': 'company',
  'company.moderate': 'company',
  'offer.create': 'offer',
  'offer.edit': 'offer',
  'offer.moderate': 'offer',
  'pledge.donate': 'pledge',
  'pledge.tax': 'pledge',
  'pledge.readAmount': 'pledge',
  'audit.read': 'audit',
  'webhook.manage': 'webhook',
  'records.export': 'records',
  'offer.read': 'offer',
  'offer.publishDirectly': 'offer',
  'offer.queue': 'records',
  'offer.browse': 'offerBoard',
  'offer.companyList': 'company',
  'company.representatives': 'company',
  'pledge.read': 'pledge',
  'pledge.receive': 'pledge',
  'pledge.queryAmounts': 'records',
  'pledge.totals': 'records',
  'pledge.import': 'records',
  'profile.editSchoolData': 'person',
  'profile.setVisibility': 'person',
  'profile.listDuplicates': 'records',
  'profile.resolveDuplicate': 'person',
  'purpose.manage': 'records',
  'consent.setDefaults': 'records',
  'consent.export': 'records',
  'erasure.process': 'person',
  'receipt.read': 'pledge',
  'receipt.list': 'records',
  'receipt.correct': 'pledge',
  'receipt.setIssuer': 'records',
  'pledge.setCalendar': 'records',
  'pledge.setPaymentPages': 'records',
  'mail.configure': 'records',
  'solicitation.record': 'records',
  'solicitation.check': 'records',
  'solicitation.read': 'person',
  'retention.review': 'records',
  'retention.setRule': 'records',
} as const satisfies Record<Action, Resource['kind']>;

type KindOf<A extends Action> = (typeof actionResourceKind)[A];
type ResourceOf<A extends Action> = Extract<Resource, { kind: KindOf<A> }>;

/** A rule answers `true`, `false` (refuse with the action's usual reason) or a more specific reason. */
type Verdict = boolean | Message;
type Rules = { readonly [A in Action]: (actor: Actor, resource: ResourceOf<A>) => Verdict };

/** "Students: their own, until published" — the statuses in which an author may still edit. */
export const authorEditableStatuses: readonly OfferStatus[] = ['draft', 'submitted', 'changes_requested', 'rejected'];

const isStaffOrAdmin = (actor: Actor): boolean => isAdmin(actor) || hasRole(actor, 'staff');
const isSelf = (actor: Actor, person: { personId: string }): boolean => person.personId === actor.personId;
/** The institution's data protection officer: any `dpo` membership covers the whole tenant's consents. */
const isDpo = (actor: Actor): boolean => hasRole(actor, 'dpo');
const isAuthor = (actor: Actor, r: { authorId?: string }): boolean => r.authorId !== undefined && r.authorId === actor.personId;

/** Own profile, or staff of one of the owner's entities, or admin. */
const selfOrStaffOfOwner = (actor: Actor, person: ResourceOf<'profile.edit'>): boolean =>
  isSelf(actor, person) || isAdmin(actor) || staffCoversAny(actor, person.entityIds);

/** Staff powers over this person: an admin, or staff of one of their entities (oneself included). */
const staffOfOwner = (actor: Actor, person: ResourceOf<'profile.edit'>): boolean => isAdmin(actor) || staffCoversAny(actor, person.entityIds);

/** The entities of an export or a list: the named ones, or (`covered`) whichever the actor looks after. */
const looksAfter = (actor: Actor, entityIds: readonly string[] | 'covered'): boolean =>
  isAdmin(actor) || (entityIds === 'covered' ? coveredEntityIds(actor).length > 0 : staffCoversAll(actor, entityIds));

const rules: Rules = {
  // What another reader sees is decided field by field by profileAudience.
  'profile.read': () => true,
  'profile.edit': selfOrStaffOfOwner,
  'consent.read': (actor, person) => selfOrStaffOfOwner(actor, person) || isDpo(actor),
  'consent.edit': isSelf,
  // The proof of a consent (every event with its exact text, checked origin and actor) is for audits: administrators and the DPO.
  'consent.proof': (actor) => isAdmin(actor) || isDpo(actor),
  'data.export': isSelf,

  'company.search': () => true,
  'company.create': (actor) =>
    isStaffOrAdmin(actor) ||
    (hasRole(actor, 'student') || hasRole(actor, 'alumnus') ? refusalReasons['company.create'] : COMPANY_REQUEST_INSTEAD),
  // Recruiters signed in by email have no membership yet: asking is how they get one.
  'company.request': () => true,
  'company.edit': (actor, company) => isStaffOrAdmin(actor) || representsCompany(actor, company.companyId),
  'company.moderate': isStaffOrAdmin,

  'offer.create': (actor, offer) => {
    if (isAdmin(actor) || hasRole(actor, 'student') || hasRole(actor, 'alumnus')) return true;
    if (representsCompany(actor, offer.companyId) || staffCoversAll(actor, offer.targetEntityIds)) return true;
    if (hasRole(actor, 'staff')) return OFFER_OUTSIDE_STAFF_SCOPE;
    if (representedCompanyIds(actor).length > 0) return OFFER_OWN_COMPANY_ONLY;
    return false;
  },
  'offer.edit': (actor, offer) => {
    if (isAdmin(actor) || staffCoversAny(actor, offer.targetEntityIds) || representsCompany(actor, offer.companyId)) return true;
    // The author keeps their offer while they could still post it (a revoked
    // representative cannot) and until it is published.
    if (!isAuthor(actor, offer) || rules['offer.create'](actor, offer) !== true) return false;
    // An offer without a status has not been saved yet: it is a draft.
    return authorEditableStatuses.includes(offer.status ?? 'draft') || OFFER_LOCKED_FOR_AUTHOR;
  },
  'offer.moderate': (actor, offer) => isAdmin(actor) || staffCoversAny(actor, offer.targetEntityIds),
  // Published and live offers are every member's; the rest only insiders': the author, who may edit it, who moderates it.
  // The status is the one the reader sees (a live offer past its expiry date is expired).
  'offer.read': (actor, offer) =>
    offer.status === 'published' || isAuthor(actor, offer) || rules['offer.moderate'](actor, offer) === true || rules['offer.edit'](actor, offer) === true,
  // Staff publish directly when they look after every target; administrators always. Everyone else goes through moderation.
  'offer.publishDirectly': (actor, offer) => isAdmin(actor) || staffCoversAll(actor, offer.targetEntityIds),
  'offer.queue': isStaffOrAdmin,
  // Every signed-in person reads the board; a visitor only where the institution opened it.
  'offer.browse': (actor, board) => actor.visitor !== true || board.openToVisitors,
  // The company space: every offer of the company, by any of its representatives, in any state. Its representatives
  // (who may edit each of them) and administrators; staff read the offers aimed at their entities in their queue.
  'offer.companyList': (actor, company) => isAdmin(actor) || representsCompany(actor, company.companyId),
  // Who else represents a company: its representatives, and staff and administrators, who verify them.
  'company.representatives': (actor, company) => isStaffOrAdmin(actor) || representsCompany(actor, company.companyId),

  // Anyone may give in their own name; on a company's behalf only its representative,
  // or staff recording it for their own entity, or an admin.
  'pledge.donate': (actor, pledge) =>
    pledge.companyId === undefined ||
    isAdmin(actor) ||
    representsCompany(actor, pledge.companyId) ||
    staffCovers(actor, pledge.entityId),
  // Staff recording for their entity and admins keep their rights; a representative pledges for a company they represent,
  // paid by one of its own establishments: a SIRET of the same SIREN (none named: the company's own SIRET).
  'pledge.tax': (actor, pledge) => {
    if (isAdmin(actor) || staffCovers(actor, pledge.entityId)) return true;
    if (representsCompany(actor, pledge.companyId)) return pledge.employerSiren === undefined || pledge.employerSiren === pledge.companySiren || PLEDGE_OWN_COMPANY_ONLY;
    return representedCompanyIds(actor).length > 0 ? PLEDGE_OWN_COMPANY_ONLY : false;
  },
  'pledge.readAmount': (actor, pledge) =>
    isAuthor(actor, pledge) ||
    isAdmin(actor) ||
    representsCompany(actor, pledge.companyId) ||
    staffCovers(actor, pledge.entityId),
  // Knowing a pledge exists: who reads its amount, and — without the amount — any staff of the tenant for a
  // company's pledge, so that schools do not solicit a company that already pledged elsewhere.
  'pledge.read': (actor, pledge) => rules['pledge.readAmount'](actor, pledge) === true || (hasRole(actor, 'staff') && pledge.companyId !== undefined),
  // Those who receive the money: staff of the beneficiary entity (or above it) and admins.
  'pledge.receive': (actor, pledge) => isAdmin(actor) || staffCovers(actor, pledge.entityId),
  // Staff see other entities' company pledges without their amount: sorting or filtering by amount only within an entity they cover.
  'pledge.queryAmounts': (actor, records) =>
    isAdmin(actor) || !hasRole(actor, 'staff') || (records.entityIds !== 'covered' && staffCoversAll(actor, records.entityIds)),
  'pledge.totals': isStaffOrAdmin,
  'pledge.import': isStaffOrAdmin,

  // School-owned fields, once staff recorded them, are the institution's: the person asks them to correct them.
  'profile.editSchoolData': (actor, person) => selfOrStaffOfOwner(actor, person) && (!person.educationLocked || staffOfOwner(actor, person) || EDUCATION_LOCKED),
  'profile.setVisibility': isSelf,
  'profile.listDuplicates': (actor) => isAdmin(actor) || coveredEntityIds(actor).length > 0,
  'profile.resolveDuplicate': staffOfOwner,
  // Erasing a profile is the strongest edit of it: staff of the person's entities or an admin, never of oneself.
  'erasure.process': (actor, person) => !isSelf(actor, person) && staffOfOwner(actor, person),

  // A gift's tax receipt: whoever reads its amount (the donor, the giving company's representatives, staff of the
  // beneficiary, admins) downloads it; those who receive the money correct it; the list is the staff's (their entities).
  'receipt.read': (actor, pledge) => rules['pledge.readAmount'](actor, pledge),
  'receipt.list': (actor, records) => looksAfter(actor, records.entityIds),
  'receipt.correct': (actor, pledge) => rules['pledge.receive'](actor, pledge),
  // Who the receipts name as issuer and signatory commits the whole institution: administrators.
  'receipt.setIssuer': (actor) => isAdmin(actor),

  // The SOLTéA calendar and where gifts are paid: administrators (an admin membership covers the whole tenant).
  'pledge.setCalendar': (actor) => isAdmin(actor),
  'pledge.setPaymentPages': (actor) => isAdmin(actor),
  // How the institution's messages look and where their links land speaks for the whole institution: administrators.
  'mail.configure': (actor) => isAdmin(actor),

  // Purposes, consent defaults and the CRM export of consents are the administrators' (an admin membership covers the whole tenant).
  'purpose.manage': (actor) => isAdmin(actor),
  'consent.setDefaults': (actor) => isAdmin(actor),
  'consent.export': (actor) => isAdmin(actor),

  // An empty list means the whole tenant's log: administrators only; staff read the entries of the entities they cover.
  'audit.read': (actor, audit) => looksAfter(actor, audit.entityIds),

  // A subscription sends data out of Passerelle: administrators only (their membership covers every entity).
  'webhook.manage': (actor) => isAdmin(actor),

  // The solicitation ledger. A message is recorded in the name of its sending entity: its staff (a service acting for the
  // institution signs in as a staff account of that entity) or an administrator. Checking before sending is theirs too;
  // each person of a check is then answered only if the caller may read their consents (solicitations.ts, outOfScope).
  // Who contacted a person: the person, staff of their entities, administrators.
  'solicitation.record': (actor, records) => looksAfter(actor, records.entityIds),
  'solicitation.check': (actor, records) => looksAfter(actor, records.entityIds),
  'solicitation.read': selfOrStaffOfOwner,

  // Retention: staff review the inactive people of the entities they look after (administrators the whole tenant); each
  // one is anonymised through the erasure's own rule, `erasure.process`. The number of years is the institution's: administrators.
  'retention.review': (actor, records) => looksAfter(actor, records.entityIds),
  'retention.setRule': (actor) => isAdmin(actor),

  // Staff export what their entities hold; the whole tenant (no entity named) is the administrators'.
  'records.export': (actor, records) => looksAfter(actor, records.entityIds),
};

function refuse(reason: Message): Decision {
  return { allowed: false, reason, sameTenant: true };
}

/**
 * Whether `actor` may do `action` on `resource`, and if not, why — as a
 * message code the server words in the reader's language.
 * Another tenant's resource is `{ allowed: false, sameTenant: false, reason: NOT_FOUND }`
 * so the server can answer 404 and reveal nothing.
 */
export function decide(actor: Actor, action: Action, resource: Resource): Decision {
  if (resource.tenantId !== actor.tenantId) return { allowed: false, reason: NOT_FOUND, sameTenant: false };
  const kind = actionResourceKind[action];
  if (resource.kind !== kind) return refuse({ code: 'policy.wrongResource', params: { action, expected: kind, actual: resource.kind } });
  // Whatever a rule says of an actor without memberships, a visitor signs in first.
  if (actor.visitor === true && !visitorActions.includes(action)) return refuse({ code: 'auth.required', params: {} });
  const rule = rules[action] as (actor: Actor, resource: Resource) => Verdict;
  const verdict = rule(actor, resource);
  if (verdict === true) return { allowed: true };
  const reason = typeof verdict === 'object' ? verdict : refusalReasons[action];
  // A membership the session withholds (email code) may be what is missing: say so.
  return refuse(refusalReason(actor, (who) => rule(who, resource) === true, reason) ?? reason);
}

/** Shorthand for `decide(...).allowed`, for the elements' hide/disable checks. */
export function can(actor: Actor, action: Action, resource: Resource): boolean {
  return decide(actor, action, resource).allowed;
}
