import type { Message } from '../messages/codes.ts';

/**
 * The vocabulary of the role policy (docs/architecture.md, "The role table").
 *
 * The policy is pure: the server loads the actor and the resource from the
 * database and asks `can(actor, action, resource)`; the elements ask the same
 * question with the `me` document only to hide what the server would refuse.
 */

/**
 * `dpo`: the institution's data protection officer (délégué à la protection des données): reads every person's consent
 * state and proof across the institution, whatever the entity of the membership; nothing else comes with the role.
 * Like staff and admin, granted by the institution (never by a sign-in claim) and withheld from email-code sessions.
 */
export const roles = ['student', 'alumnus', 'staff', 'admin', 'company_rep', 'dpo'] as const;
export type Role = (typeof roles)[number];

/** One role held by a person: in an entity, or (company_rep) for a company. */
export type Membership =
  | { readonly role: Exclude<Role, 'company_rep'>; readonly entityId: string }
  | { readonly role: 'company_rep'; readonly companyId: string };

/** Who is asking. Built by the server from the session; never from a client claim. */
export interface Actor {
  readonly personId: string;
  readonly tenantId: string;
  readonly memberships: readonly Membership[];
  /**
   * Parent of every entity of the tenant (`null` for a root), so that a staff
   * or admin membership covers the entity and everything below it.
   */
  readonly entityParents: Readonly<Record<string, string | null>>;
  /**
   * Memberships the person holds but this session may not use (an email-code
   * session withholds staff and admin ones, see `actorForSession`). The
   * policy never grants with them; it only words the refusal they explain.
   */
  readonly withheldMemberships?: readonly Membership[];
  /**
   * Not signed in: someone reading what the institution opened to visitors
   * (`visitorActor`: no person, no membership). The policy refuses a
   * visitor every action but reading the offer board.
   */
  readonly visitor?: true;
}

/** Every action of the role table (docs/architecture.md), one name per row (and per verb of a row). */
export const actions = [
  'profile.read', // read a profile (own: everything; another: see profileAudience)
  'profile.edit',
  'consent.read', // read consent state and history
  'consent.edit', // grant / withdraw (own only)
  'consent.proof', // read anyone's complete consent history and export the proof of a consent (administrators, the data protection officer)
  'data.export', // export one's own data, ask for erasure
  'company.search',
  'company.create', // create an active company directly
  'company.request', // ask for a new company or to represent one (pending until staff verify)
  'company.edit',
  'company.moderate', // approve / refuse company and representation requests
  'offer.create',
  'offer.edit', // edit / withdraw
  'offer.moderate', // publish / reject / request changes
  'pledge.donate',
  'pledge.tax', // pledge apprenticeship tax
  'pledge.readAmount',
  'audit.read',
  'webhook.manage', // subscribe the institution's systems to events (administrators)
  'records.export', // export people, offers and pledges in bulk (CSV/JSON, for the CRM or ERP)
] as const;
/** The actions `GET /v1/me` announces (`can`): what the elements show or hide whole features by. */
export type AnnouncedAction = (typeof actions)[number];

/**
 * The finer decisions the server makes on one object or one list, through
 * the same policy (issue 14): not announced in `GET /v1/me`, since the
 * elements learn them from the objects the server sends.
 */
export const serverActions = [
  'offer.read', // read an offer that is not published (insiders)
  'offer.publishDirectly', // submit and be published without moderation
  'offer.queue', // the moderation queue
  'offer.browse', // list and read the published offers (visitors too, when the institution opened the board to them)
  'offer.companyList', // every offer of a company, whoever posted it and whatever its state (the company space)
  'company.representatives', // who represents a company
  'pledge.read', // know a pledge exists (its amount is pledge.readAmount)
  'pledge.receive', // record that the money arrived
  'pledge.queryAmounts', // sort or filter a list by amount
  'pledge.totals', // promised versus received per entity
  'pledge.import', // import the SOLTéA transfer report
  'profile.editSchoolData', // change the school-owned fields of a profile (locked once staff recorded them)
  'profile.setVisibility', // choose who reads each field
  'profile.listDuplicates', // the possible duplicates in the directory
  'profile.resolveDuplicate', // decide a possible duplicate is not one
  'purpose.manage', // create and edit consent purposes
  'consent.setDefaults', // the institution's consent defaults
  'consent.export', // every person's consent state, for the CRM
  'erasure.process', // read and carry out someone's erasure request
  'receipt.read', // download a gift's tax receipt (who reads the gift's amount)
  'receipt.list', // the tax receipts of the entities one looks after
  'receipt.correct', // cancel a tax receipt and issue a corrected one with a new number
  'receipt.setIssuer', // the institution's eligibility to issue tax receipts (legal name, status, signatory)
  'pledge.setCalendar', // set a year's SOLTéA calendar (national: it applies to every institution)
  'pledge.setPaymentPages', // the gifts' payment pages and their signed callback
  'mail.configure', // the name and colours of the institution's messages, and the pages their links open
  'solicitation.record', // record a message sent to a person, in the name of a sending entity (the ledger)
  'solicitation.check', // ask who may be contacted now, before sending
  'solicitation.read', // who contacted a person, for what and when
  'retention.review', // the people of one's entities inactive for the institution's number of years, for review and anonymisation
  'retention.setRule', // the institution's number of years without activity after which people are listed
] as const;

/** Every action the policy decides on. */
export const allActions = [...actions, ...serverActions] as const;
export type Action = (typeof allActions)[number];

/**
 * What an action is about. Every resource names its tenant: anything of
 * another tenant is refused (and the server answers 404, not 403).
 */
export type Resource =
  /** A person's profile, consents or data; `entityIds` are the owner's entities. */
  | {
      readonly kind: 'person';
      readonly tenantId: string;
      readonly personId: string;
      readonly entityIds: readonly string[];
      /** The school-owned fields of the profile were recorded by staff (`profile.editSchoolData`). */
      readonly educationLocked?: boolean;
    }
  | { readonly kind: 'company'; readonly tenantId: string; readonly companyId?: string }
  | {
      readonly kind: 'offer';
      readonly tenantId: string;
      /** Absent when the offer is being created. */
      readonly authorId?: string;
      readonly companyId: string;
      readonly targetEntityIds: readonly string[];
      readonly status?: OfferStatus;
    }
  | {
      readonly kind: 'pledge';
      readonly tenantId: string;
      readonly authorId?: string;
      /** The pledging company, for pledges made on behalf of a company. */
      readonly companyId?: string;
      /** The pledging company's SIREN (from its SIRET on record), when a tax pledge names an establishment. */
      readonly companySiren?: string;
      /** The SIREN of the paying establishment a tax pledge names (`employerSiret`), when it names one. */
      readonly employerSiren?: string;
      /** The beneficiary entity. */
      readonly entityId: string;
    }
  /** The institution's board of published offers: whether it opened it to readers who are not signed in. */
  | { readonly kind: 'offerBoard'; readonly tenantId: string; readonly openToVisitors: boolean }
  /**
   * The audit log of some entities (empty: the whole tenant; `covered`: the entries of the entities the actor looks
   * after, whichever they are — what `GET /v1/audit` reads, see `entityScope`).
   */
  | { readonly kind: 'audit'; readonly tenantId: string; readonly entityIds: readonly string[] | 'covered' }
  /** A webhook subscription; it reads as staff of `entityId`. */
  | { readonly kind: 'webhook'; readonly tenantId: string; readonly entityId: string }
  /**
   * The records (people, offers, pledges) of some entities taken as a whole, as an export reads them (empty: the whole tenant;
   * `covered`: those the actor looks after, whichever they are — see `entityScope`).
   */
  | { readonly kind: 'records'; readonly tenantId: string; readonly entityIds: readonly string[] | 'covered' };

export const offerStatuses = ['draft', 'submitted', 'changes_requested', 'published', 'rejected', 'filled', 'expired', 'withdrawn'] as const;
export type OfferStatus = (typeof offerStatuses)[number];

/** A refusal says why, and what to do instead: a message code and its parameters (messages/codes.ts). */
export type Decision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: Message; readonly sameTenant: boolean };

/** How much of another person's profile a reader sees. */
export type ProfileAudience = 'self' | 'staff' | 'network' | 'public' | 'none';
