/**
 * The bodies of the routes whose forms may ask for consents (issue 20 item
 * 1): each form's own schema, and `consents`, the choices recorded with it.
 * A module of their own, which only the server imports: the forms' checks in
 * the browser use the schemas without consents, and carry none of these.
 */
import * as v from 'valibot';
import { FormConsentsSchema } from './choice.ts';
import { OfferCreateSchema } from '../offers/offer.ts';
import { DonationCreateSchema, TaxPledgeCreateSchema } from '../pledges/pledge.ts';
import { VisibilityPatchSchema, profilePatchEntries } from '../profiles/schema.ts';

/** `POST /v1/offers`: an offer, and the consents its form asked for. */
export const OfferCreateWithConsentsSchema = v.strictObject({ ...OfferCreateSchema.entries, consents: FormConsentsSchema });

/** `POST /v1/pledges`: a gift or an apprenticeship-tax pledge, and the consents its form asked for. */
export const PledgeCreateWithConsentsSchema = v.variant('kind', [
  v.strictObject({ ...DonationCreateSchema.entries, consents: FormConsentsSchema }),
  v.strictObject({ ...TaxPledgeCreateSchema.entries, consents: FormConsentsSchema }),
]);

/** `PATCH /v1/profiles/:id`: a change of the profile (`ProfilePatchSchema`), and the consents the profile form asked for. */
export const ProfilePatchWithConsentsSchema = v.pipe(
  v.strictObject({ ...profilePatchEntries, visibility: v.optional(VisibilityPatchSchema), consents: FormConsentsSchema }, 'profile.field.notEditable'),
  v.check((body) => Object.keys(body).length > 0, 'validation.emptyChange'),
);
