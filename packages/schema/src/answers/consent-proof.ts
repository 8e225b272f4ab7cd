import * as v from 'valibot';
import { consentProofStatuses, type ConsentProof, type ConsentRecordEvent } from '../consents/proof.ts';
import { consentChannels } from '../consents/purpose.ts';
import { ChannelStateSchema, ConsentProofOriginSchema, PurposeVersionViewSchema } from './consents.ts';
import { AnswerIdSchema, AnswerTimeSchema, pageOf, type Assert, type Same } from './common.ts';

/** One event of a person's consent record, as administrators and the data protection officer read it. */
export const ConsentRecordEventSchema = v.object({
  id: AnswerIdSchema,
  seq: v.pipe(v.number(), v.integer()),
  purposeKey: v.string(),
  channel: v.picklist(consentChannels),
  granted: v.boolean(),
  at: AnswerTimeSchema,
  origin: ConsentProofOriginSchema,
  actor: v.object({ kind: v.picklist(['self', 'staff']), personId: v.string(), displayName: v.nullable(v.string()), reason: v.nullable(v.string()) }),
  version: PurposeVersionViewSchema,
});
type _ConsentRecordEvent = Assert<Same<v.InferOutput<typeof ConsentRecordEventSchema>, ConsentRecordEvent>>;

/** `GET /v1/consents/people/{personId}/events`: the person's complete consent record, oldest first, paged. */
export const ConsentRecordSchema = pageOf(ConsentRecordEventSchema);

/** `GET /v1/consents/people/{personId}/events/{eventId}/proof`: the proof of one consent, as JSON. */
export const ConsentProofSchema = v.object({
  kind: v.literal('passerelle.consent-proof'),
  generatedAt: AnswerTimeSchema,
  generatedBy: v.object({ personId: AnswerIdSchema, displayName: v.nullable(v.string()) }),
  institution: v.object({ id: AnswerIdSchema, name: v.string() }),
  person: v.object({ id: AnswerIdSchema, displayName: v.nullable(v.string()), email: v.nullable(v.string()) }),
  event: ConsentRecordEventSchema,
  integrity: v.object({ algorithm: v.literal('sha256'), recordedHash: v.string(), recomputedHash: v.string(), matches: v.boolean() }),
  later: v.array(ConsentRecordEventSchema),
  status: v.picklist(consentProofStatuses),
  current: ChannelStateSchema,
});
type _ConsentProof = Assert<Same<v.InferOutput<typeof ConsentProofSchema>, ConsentProof>>;
