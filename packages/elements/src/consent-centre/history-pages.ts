import type { ConsentEventView } from '@passerelle/schema';
import type { PasserelleClient } from '../core/client.ts';

/** History pages fetched at most (100 choices each). */
const HISTORY_PAGES = 10;

/** The person's consent choices, oldest first (at most `HISTORY_PAGES` pages of 100). */
export async function loadHistory(client: PasserelleClient): Promise<ConsentEventView[]> {
  const items: ConsentEventView[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < HISTORY_PAGES; page++) {
    const query: { limit: string; cursor?: string } = { limit: '100' };
    if (cursor) query.cursor = cursor;
    const res = await client.json(client.rpc.consents.history.$get({ query }));
    items.push(...(res.items as ConsentEventView[]));
    if (!res.nextCursor) break;
    cursor = res.nextCursor;
  }
  return items.reverse();
}
