/**
 * The words of every refusal: one English sentence saying why, and what to do
 * instead. The server puts them in the problem document's `detail`; the
 * elements show them next to what they disable.
 */
import type { Action } from './types.ts';

/** Another tenant's object: the server answers 404, so the reason reveals nothing. */
export const NOT_FOUND = 'Not found.';

/** Why each action is refused, when the actor's roles do not allow it. */
export const refusalReasons: Readonly<Record<Action, string>> = {
  'profile.read': 'You need to be signed in to this institution to read its members’ profiles; sign in, then try again.',
  'profile.edit':
    'Only the owner of a profile, staff of one of their entities, or an administrator can edit it. Ask the owner or their school’s office to make the change.',
  'consent.read':
    'Only the person concerned, staff of one of their entities, or an administrator can read someone’s consents. Ask the person or their school’s office.',
  'consent.edit': 'Only the person concerned can give or withdraw their consent. Ask them to do it from their consent centre.',
  'data.export': 'Only the person concerned can export or erase their data. Ask them to make the request from their consent centre.',
  'company.search': 'You need to be signed in to this institution to search its companies; sign in, then try again.',
  'company.create':
    'Only careers-office staff and administrators can add a company. Ask your careers office to add it, then post your offer for it.',
  'company.request': 'You need to be signed in to this institution to request a company; sign in, then try again.',
  'company.edit':
    'Only the company’s representatives, staff and administrators can edit a company. Ask to represent the company, or ask your careers office to make the change.',
  'company.moderate': 'Only staff and administrators can verify companies and representation requests. Ask your careers office to review it.',
  'offer.create':
    'You can post an offer as a student or alumnus, as the representative of that company, or as staff for your own entities. Ask to represent the company, or ask the careers office of the targeted school to post it.',
  'offer.edit':
    'Only the author (until it is published), the company’s representatives, staff of a targeted entity, or an administrator can edit this offer. Ask the careers office of the targeted school to change it.',
  'offer.moderate':
    'Only staff of an entity the offer is aimed at, or an administrator, can publish or reject it. Ask the careers office of the targeted school to review it.',
  'pledge.donate':
    'Only a representative of that company can pledge on its behalf. Pledge in your own name, or ask to represent the company first.',
  'pledge.tax':
    'Only a company’s representative, staff recording for their own entities, or an administrator can pledge apprenticeship tax. Ask the company’s HR or finance team to pledge it, or ask to represent the company.',
  'pledge.readAmount':
    'A pledge amount is visible only to its author, the pledging company, staff of the beneficiary entity and administrators. Ask the beneficiary’s office if you need it.',
  'audit.read':
    'Only staff, for their own entities, and administrators can read the audit log. Ask an administrator for the entries you need.',
  'webhook.manage':
    'Only administrators can manage webhooks, because they send the institution’s data to other systems. Ask an administrator of your institution to set one up.',
  'records.export':
    'Only staff, for their own entities, and administrators can export people, offers and pledges. Ask your school’s office for the list you need.',
};

/** The author of an offer may edit it only until it is published. */
export const OFFER_LOCKED_FOR_AUTHOR =
  'This offer is no longer editable by its author once it has been published or closed. Ask the careers office of the targeted school to change or withdraw it.';

/** Staff may only post offers aimed at entities they look after. */
export const OFFER_OUTSIDE_STAFF_SCOPE =
  'As staff you can post offers only for your own entities and the ones below them. Choose targets within your scope, or ask the careers office of that school to post it.';
