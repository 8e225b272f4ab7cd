/**
 * The mail part of an erasure: when staff process it, the addresses of the
 * person's past messages are forgotten (the rows stay, with their kind and
 * time, as the record of what was sent) and so are their preferences. A
 * message still waiting keeps its address until it is sent, then forgets
 * it (`send.ts`): the acknowledgement and the last message, "done", which
 * is queued after this hook, reach the person.
 */
import type { ErasureHook } from '../rights/erasure-hooks.ts';
import { forgetMailAddresses, forgetOptOuts } from './queries/outbox.ts';

export const mailErasure: ErasureHook = {
  name: 'mail',
  onProcess: async (tx, ctx) => {
    const forgotten = await forgetMailAddresses(tx, ctx.tenantId, ctx.personId);
    await forgetOptOuts(tx, ctx.tenantId, ctx.personId);
    return `addresses forgotten: ${forgotten} message(s)`;
  },
};
