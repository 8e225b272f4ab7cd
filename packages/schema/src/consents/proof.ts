import * as v from 'valibot';
import type { ChannelState, ConsentProofOrigin, PurposeVersionView } from './choice.ts';
import type { ConsentChannel } from './purpose.ts';

/**
 * A person's consent record as an auditor reads it (`GET /v1/consents/people/:personId/events`, administrators and
 * the data protection officer: the policy's `consent.proof`): every event, oldest first, with the exact text the
 * person saw (the text and its hash), when, where (the Origin the server checked, apart from the page and component
 * the client claimed) and who recorded it.
 */
export interface ConsentRecordEvent {
  id: string;
  /** The event's place in the person's log (1, 2, …): nothing is ever removed from it. */
  seq: number;
  purposeKey: string;
  channel: ConsentChannel;
  granted: boolean;
  at: string;
  origin: ConsentProofOrigin;
  /** Who recorded it: the person themself, or staff on their behalf (then `reason`). */
  actor: { kind: 'self' | 'staff'; personId: string; displayName: string | null; reason: string | null };
  /** The exact text the person saw; `hash` is the SHA-256 of its canonical JSON (`canonicalVersionJson`). */
  version: PurposeVersionView;
}

/** `GET /v1/consents/people/:personId/events/:eventId/proof`: `json` (default) or `pdf`. */
export const ConsentProofQuerySchema = v.object({ format: v.optional(v.picklist(['json', 'pdf']), 'json') });
export type ConsentProofQuery = v.InferOutput<typeof ConsentProofQuerySchema>;

export const consentProofStatuses = ['inForce', 'renewalNeeded', 'withdrawn', 'expired', 'superseded', 'refusal'] as const;
export type ConsentProofStatus = (typeof consentProofStatuses)[number];

/**
 * The proof of one consent: the event, the exact text with its hash checked again when the proof is made, what
 * happened on that purpose and channel since, and where the consent stands on the day of the proof.
 */
export interface ConsentProof {
  kind: 'passerelle.consent-proof';
  generatedAt: string;
  /** Who asked for the proof (an administrator or the data protection officer). */
  generatedBy: { personId: string; displayName: string | null };
  institution: { id: string; name: string };
  person: { id: string; displayName: string | null; email: string | null };
  event: ConsentRecordEvent;
  /**
   * The stored text hashed again: `matches` says the text shown here is, byte for byte in its canonical form, the one
   * whose hash the event recorded.
   */
  integrity: { algorithm: 'sha256'; recordedHash: string; recomputedHash: string; matches: boolean };
  /** The later events of the same purpose and channel, oldest first (a withdrawal, a renewal…). */
  later: ConsentRecordEvent[];
  /**
   * Where this consent stands now: `inForce` (the channel's latest event, still counting, for the current text),
   * `renewalNeeded` (the same, but the purpose's text has changed since: the person is to be asked again), `withdrawn`
   * (a later withdrawal), `expired` (its retention ran out), `superseded` (a later consent replaced it), or `refusal`
   * when the event is itself a withdrawal or an objection.
   */
  status: ConsentProofStatus;
  /** The channel's state today, as the consent centre and the CRM export derive it. */
  current: ChannelState;
}
