import { Hono } from 'hono';
import * as v from 'valibot';
import { AddressAddSchema, AddressVerifySchema, EmailCodeSentSchema, IdSchema, PersonAddressesSchema } from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { callOf } from '../call.ts';
import { jsonBody, pathParams } from '../http/validate.ts';
import { describeRoute } from '../http/describe.ts';
import { askToAddAddress, readAddresses, removeAddress, verifyAddress } from './addresses.ts';

/**
 * `/v1/me/addresses`: the signed-in person's personal addresses, each
 * verified by a code sent to it, any of which signs them in by email code
 * (issue 17 item 4).
 */
export const addressRoutes = new Hono<AppEnv>()
  .use(requireAuth())
  .get('/', describeRoute({ operationId: 'listMyAddresses', summary: 'One’s personal addresses (each signs one in by email code)', tags: ['me'], answers: { 200: PersonAddressesSchema } }), async (c) =>
    c.json(await readAddresses(c.get('deps'), callOf(c)), 200),
  )
  /** Mails a code to the address to add. */
  .post('/', describeRoute({ operationId: 'addMyAddress', summary: 'Mail a code to a personal address to add', tags: ['me'], answers: { 202: EmailCodeSentSchema }, problems: [409, 429] }), jsonBody(AddressAddSchema), async (c) =>
    c.json(await askToAddAddress(c.get('deps'), callOf(c), { email: c.req.valid('json').email }), 202),
  )
  /** The code received at the address: the address is one's own from then on. */
  .post('/verify', describeRoute({ operationId: 'verifyMyAddress', summary: 'Verify a personal address with the code sent to it', tags: ['me'], answers: { 200: PersonAddressesSchema }, problems: [409] }), jsonBody(AddressVerifySchema), async (c) => {
    const { email, code } = c.req.valid('json');
    return c.json(await verifyAddress(c.get('deps'), callOf(c), { email, code }), 200);
  })
  .delete('/:id', describeRoute({ operationId: 'removeMyAddress', summary: 'Remove a personal address: it no longer signs one in', tags: ['me'], answers: { 200: PersonAddressesSchema }, problems: [404] }), pathParams(v.object({ id: IdSchema })), async (c) =>
    c.json(await removeAddress(c.get('deps'), callOf(c), c.req.valid('param').id), 200),
  );
