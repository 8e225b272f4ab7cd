/**
 * vitest's global setup and teardown for the suite on PostgreSQL
 * (`PASSERELLE_TEST_POSTGRES`): before, the databases earlier runs left
 * behind are dropped; after, this run's.
 */
import { dropLeftovers, sourcesHash, TEMPLATE_PREFIX } from './test-databases.ts';

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  const adminUrl = process.env.PASSERELLE_TEST_POSTGRES;
  if (!adminUrl) return undefined;
  const template = `${TEMPLATE_PREFIX}${sourcesHash()}`;
  await dropLeftovers(adminUrl, template);
  return () => dropLeftovers(adminUrl, template);
}
