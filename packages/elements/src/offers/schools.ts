import type { BodyOf, PasserelleClient, Rpc } from '../core/client.ts';

/** A school an offer can be aimed at, or a person can be from: the entities of `GET /v1/offers/parameters` of kind school. */
export type School = BodyOf<Rpc['offers']['parameters']['$get']>['targets'][number];

/**
 * The institution's schools, for a search form's school filter (the offer
 * board, the directory). None when they cannot be read: the filter then
 * offers "all schools" only, and the search itself says what failed.
 */
export async function schoolsOf(client: PasserelleClient): Promise<School[]> {
  try {
    const { targets } = await client.json(client.rpc.offers.parameters.$get());
    return targets.filter((e) => e.kind === 'school');
  } catch {
    return [];
  }
}
