import type { ErasureHook } from '../rights/erasure-hooks.ts';
import { deletePersonAddresses } from './queries.ts';

/** A person erased: their personal addresses go, so that none signs in to the anonymous record again. */
export const addressErasure: ErasureHook = {
  name: 'addresses',
  onProcess: async (tx, ctx) => `personal addresses removed: ${await deletePersonAddresses(tx, ctx.tenantId, ctx.personId)}`,
};
