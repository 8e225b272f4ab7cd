import { Hono } from 'hono';
import { MeSchema } from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { requireAuth } from '../auth/require-auth.ts';
import { describeRoute } from '../http/describe.ts';
import { rightsRoutes } from '../rights/routes.ts';
import { meOf } from './view.ts';

/**
 * `/v1/me`, mounted once: the signed-in person, the roles this session
 * carries, what the policy lets them do, how the session was opened and
 * which held roles it withholds; and below it one's rights (`/export`,
 * `/erasure`, rights/routes.ts). Each asks for the session once.
 */
export const meRoutes = new Hono<AppEnv>()
  .get('/', describeRoute({ operationId: 'getMe', summary: 'The signed-in person, their roles and what they may do', tags: ['me'], answers: { 200: MeSchema }, problems: [404] }), requireAuth(), async (c) => {
    const { actor, signInMethod } = c.get('auth');
    return c.json(await meOf(c.get('deps').db, actor, signInMethod), 200);
  })
  .route('/', rightsRoutes);
