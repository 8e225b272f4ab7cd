/**
 * Who contacted a person, for what and when: the ledger's messages of one
 * month, newest first, and the person's allowance that month. Staff read the
 * people of their entities (administrators everyone); the person reads theirs.
 */
import type { SolicitationAllowance, SolicitationView } from '@passerelle/schema';
import type { Deps } from '../context.ts';
import type { Call } from '../call.ts';
import { authorize } from '../auth/authorize.ts';
import { validationProblem } from '../http/problem.ts';
import { personResource } from '../consents/people.ts';
import { allowanceOf, monthRange } from './allowance.ts';
import { solicitationsOfPerson } from './queries/ledger.ts';

export interface SolicitationPage {
  items: SolicitationView[];
  nextCursor: string | null;
  allowance: SolicitationAllowance;
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([0-9a-f-]{36})$/;

export async function listSolicitationsOf(deps: Pick<Deps, 'db' | 'clock'>, call: Call, personId: string, query: { limit: number; cursor?: string | undefined; month?: string | undefined }): Promise<SolicitationPage> {
  const { db, clock } = deps;
  const { actor } = call;
  authorize(actor, 'solicitation.read', await personResource(db, actor.tenantId, personId));
  let before: { sentAt: string; id: string } | undefined;
  if (query.cursor !== undefined) {
    const m = CURSOR.exec(query.cursor);
    if (!m) throw validationProblem([{ path: 'cursor', code: 'list.cursor', params: {} }]);
    before = { sentAt: m[1]!, id: m[2]! };
  }
  const now = clock.now();
  const range = monthRange(now, query.month);
  const rows = await solicitationsOfPerson(db, actor.tenantId, personId, range, { limit: query.limit, before });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > query.limit && last ? `${last.sentAt}_${last.id}` : null,
    allowance: await allowanceOf(db, actor.tenantId, personId, now, range.month),
  };
}
