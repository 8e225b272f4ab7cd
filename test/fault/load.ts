/**
 * Concurrent writers for the fault tests, and the ledger of what the server
 * acknowledged: pledges created (each with its own Idempotency-Key) and
 * profile edits (each with the If-Match of the previous answer). A request
 * whose answer never came (the server was killed) stays pending, to be sent
 * again after the restart.
 */
import type { Db } from '../../server/src/db/open.ts';
import { pledgeRows, profileMark } from '../../server/src/db/read-back.ts';
import { request } from './harness.ts';

export const WRITERS = ['student-ines', 'alumna-claire', 'rep-acme', 'staff-eng'] as const;
export type Writer = (typeof WRITERS)[number];

const address = { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon' };

export interface PledgeRequest {
  sub: Writer;
  key: string;
  body: { kind: 'donation'; amountCents: number; frequency: 'once'; designation: { kind: 'foundation' }; donor: { kind: 'individual'; fullName: string; address: typeof address }; publicThanks: false };
  /** The pledge id the server answered with (201), once it did. */
  id?: string;
  /** Sent, no answer: the server died meanwhile. */
  pending?: boolean;
}

export interface ProfileEdit {
  bio: string;
  ifMatch: string;
}

export interface ProfileLedger {
  personId: string;
  /** The latest acknowledged version and its bio. */
  acked?: { version: number; bio: string };
  /** Sent with this If-Match, unanswered. */
  pending?: ProfileEdit;
  etag: string;
}

export interface Ledger {
  pledges: PledgeRequest[];
  profiles: Record<Writer, ProfileLedger>;
  /** Answers no writer should ever get (a 500, a 507 under no cap…), as text. */
  unexpected: string[];
}

let serial = 0;
/** A donation with a fresh Idempotency-Key (`tag` names the test or round). */
export function newPledge(sub: Writer, tag: string): PledgeRequest {
  const n = ++serial;
  const key = `${tag}-${sub}-${n}-${Math.random().toString(36).slice(2, 8)}`;
  return {
    sub,
    key,
    body: { kind: 'donation', amountCents: 1000 + n, frequency: 'once', designation: { kind: 'foundation' }, donor: { kind: 'individual', fullName: `Donor ${key}`, address }, publicThanks: false },
  };
}

export const createPledge = (api: string, token: string, p: PledgeRequest) => request(api, 'POST', '/v1/pledges', { token, body: p.body, headers: { 'idempotency-key': p.key } });
export const editProfile = (api: string, token: string, personId: string, edit: ProfileEdit) =>
  request(api, 'PATCH', `/v1/profiles/${personId}`, { token, body: { bio: edit.bio }, headers: { 'if-match': edit.ifMatch } });
export const versionOf = (etag: string | null) => Number(/"(\d+)"/.exec(etag ?? '')?.[1] ?? NaN);

/** Reads each writer's profile ETag, to start editing from. */
export async function openLedger(api: string, tokens: Record<Writer, string>): Promise<Ledger> {
  const profiles = {} as Record<Writer, ProfileLedger>;
  for (const sub of WRITERS) {
    const me = await request(api, 'GET', '/v1/me', { token: tokens[sub] });
    const personId = (me.body.person as { id: string }).id;
    const profile = await request(api, 'GET', `/v1/profiles/${personId}`, { token: tokens[sub] });
    if (profile.status !== 200) throw new Error(`GET profile of ${sub}: ${profile.status} ${JSON.stringify(profile.body)}`);
    profiles[sub] = { personId, etag: profile.headers.get('etag')! };
  }
  return { pledges: [], profiles, unexpected: [] };
}

export interface Load {
  /** Acknowledged writes so far. */
  acked(): number;
  /** Stops sending; resolves when every writer has its last answer (or lost it). */
  stop(): Promise<void>;
  /** Resolves when every writer has stopped on its own (the server died). */
  done: Promise<void>;
}

/**
 * Per writer: two pledge loops and one profile loop (none with `profiles:
 * false`), each sending its next request as soon as the previous is
 * answered. A loop ends at `stop()` or when a request gets no answer.
 */
export function startLoad(api: string, tokens: Record<Writer, string>, ledger: Ledger, tag: string, options: { profiles?: boolean } = {}): Load {
  let stopped = false;
  let acked = 0;
  const pledgeLoop = async (sub: Writer) => {
    while (!stopped) {
      const p = newPledge(sub, tag);
      ledger.pledges.push(p);
      p.pending = true;
      let res;
      try {
        res = await createPledge(api, tokens[sub], p);
      } catch {
        return;
      }
      p.pending = false;
      if (res.status === 201) {
        p.id = res.body.id as string;
        acked++;
      } else ledger.unexpected.push(`POST /v1/pledges as ${sub}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  };
  const profileLoop = async (sub: Writer) => {
    const state = ledger.profiles[sub];
    let n = 0;
    while (!stopped) {
      const edit = { bio: `${tag} ${sub} edit ${++n}`, ifMatch: state.etag };
      state.pending = edit;
      let res;
      try {
        res = await editProfile(api, tokens[sub], state.personId, edit);
      } catch {
        return;
      }
      state.pending = undefined;
      if (res.status === 200) {
        state.etag = res.headers.get('etag')!;
        state.acked = { version: versionOf(state.etag), bio: edit.bio };
        acked++;
      } else ledger.unexpected.push(`PATCH profile as ${sub}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  };
  const loops = WRITERS.flatMap((sub) => [pledgeLoop(sub), pledgeLoop(sub), ...(options.profiles === false ? [] : [profileLoop(sub)])]);
  const done = Promise.all(loops).then(() => undefined);
  return {
    acked: () => acked,
    stop: async () => {
      stopped = true;
      await done;
    },
    done,
  };
}

/** What the database must hold after a crash, given what was acknowledged; problems as sentences. */
export async function checkAcknowledged(db: Db, ledger: Ledger): Promise<string[]> {
  const problems: string[] = [];
  const acknowledged = ledger.pledges.filter((p) => p.id);
  const rows = await pledgeRows(db, acknowledged.map((p) => p.id!));
  for (const p of acknowledged) {
    const row = rows.get(p.id!);
    if (!row) problems.push(`acknowledged pledge ${p.id} (key ${p.key}) is missing`);
    else if (row.amountCents !== p.body.amountCents || row.donorName !== p.body.donor.fullName || row.authorId !== ledger.profiles[p.sub].personId) {
      problems.push(`acknowledged pledge ${p.id} differs: ${JSON.stringify(row)}`);
    }
  }
  for (const sub of WRITERS) {
    const state = ledger.profiles[sub];
    const acked = state.acked;
    if (!acked) continue;
    const row = await profileMark(db, state.personId);
    if (row.version < acked.version) problems.push(`${sub}'s profile is at version ${row.version}, but version ${acked.version} was acknowledged`);
    else if (row.version === acked.version && row.bio !== acked.bio) problems.push(`${sub}'s profile version ${row.version} has bio ${JSON.stringify(row.bio)}, acknowledged ${JSON.stringify(acked.bio)}`);
    else if (row.version === acked.version + 1 && row.bio !== state.pending?.bio) problems.push(`${sub}'s profile version ${row.version} holds ${JSON.stringify(row.bio)}, which nobody sent last`);
    else if (row.version > acked.version + 1) problems.push(`${sub}'s profile is at version ${row.version}, beyond anything sent (${acked.version} acknowledged)`);
  }
  return problems;
}

/** Profile edits written without their audit entry (or the reverse): versions gained since `since` versus `profile.update` entries. */
export async function unauditedProfileEdits(db: Db, ledger: Ledger, since: Record<Writer, { version: number; audits: number }>): Promise<string[]> {
  const now = await profileMarks(db, ledger);
  return WRITERS.filter((sub) => now[sub].version - since[sub].version !== now[sub].audits - since[sub].audits).map(
    (sub) => `${sub}: ${now[sub].version - since[sub].version} new versions but ${now[sub].audits - since[sub].audits} audit entries`,
  );
}

export async function profileMarks(db: Db, ledger: Ledger): Promise<Record<Writer, { version: number; audits: number }>> {
  const marks = {} as Record<Writer, { version: number; audits: number }>;
  for (const sub of WRITERS) {
    const { version, audits } = await profileMark(db, ledger.profiles[sub].personId);
    marks[sub] = { version, audits };
  }
  return marks;
}
