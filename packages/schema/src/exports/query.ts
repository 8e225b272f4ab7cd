/**
 * `GET /v1/exports/{people,offers,pledges}`: the staff and administrators'
 * bulk exports, streamed as CSV (`;`, UTF-8 with BOM, CRLF: what a French
 * Excel opens with a double click) or as JSON (`{"items":[...]}`). The
 * filters reuse the lists' own parameters, so a value means the same thing
 * in the list and in its export.
 */
import * as v from 'valibot';
import { IdSchema } from '../core/common.ts';
import { offerStatuses } from '../policy/types.ts';
import { offerKinds } from '../offers/offer.ts';
import { PledgeListQuerySchema } from '../pledges/pledge.ts';
import { ProfileListQuerySchema, type ProfileView } from '../profiles/schema.ts';

export const exportFormats = ['csv', 'json'] as const;
export type ExportFormat = (typeof exportFormats)[number];

const format = v.optional(v.picklist(exportFormats), 'csv');

/** People who are members of `entityId` (one the reader covers), optionally of one graduation year. */
export const PeopleExportQuerySchema = v.strictObject(
  { format, entityId: v.optional(IdSchema), graduationYear: ProfileListQuerySchema.entries.graduationYear },
);
export type PeopleExportQuery = v.InferOutput<typeof PeopleExportQuerySchema>;

/** Offers aimed at `entityId`, in one status (as the reader sees it: `expired` once past the expiry date) or of one kind. */
export const OfferExportQuerySchema = v.strictObject(
  {
    format,
    entityId: v.optional(IdSchema),
    status: v.optional(v.picklist(offerStatuses)),
    kind: v.optional(v.picklist(offerKinds)),
  },
);
export type OfferExportQuery = v.InferOutput<typeof OfferExportQuerySchema>;

/** Pledges to `entityId`, of one kind, status or apprenticeship-tax campaign year. */
export const PledgeExportQuerySchema = v.strictObject(
  {
    format,
    entityId: PledgeListQuerySchema.entries.entityId,
    kind: PledgeListQuerySchema.entries.kind,
    status: PledgeListQuerySchema.entries.status,
    campaignYear: PledgeListQuerySchema.entries.campaignYear,
  },
);
export type PledgeExportQuery = v.InferOutput<typeof PledgeExportQuerySchema>;

/**
 * One person of the people export (JSON). Profile fields the reader may not
 * see are absent (empty cells in the CSV); `consents` maps each purpose key
 * to its channels, `true` when the person may be contacted that way today.
 */
export interface PersonExport {
  id: string;
  /** The person's id in the institution's CRM, when an import set it. */
  externalId?: string;
  email: string | null;
  displayName: string | null;
  memberships: { role: string; entityId: string; entityName: string }[];
  /** The profile as staff of the person's entities read it; null when the person has none yet. */
  profile: Omit<ProfileView, 'reviewFlags'> | null;
  consents: Record<string, Record<string, boolean>>;
  solicitationCapPerMonth: number;
  /**
   * By purpose key, by channel: `true` when the consent in force was given to an older version of the purpose's text,
   * so the person is to be asked again (the CSV's `renewal_<purpose>_<channel>` columns, last).
   */
  consentRenewals: Record<string, Record<string, boolean>>;
  /** How many more messages the person accepts this calendar month (UTC), every service together (the solicitation ledger); the CSV's last column. */
  solicitationRemainingThisMonth: number;
}
