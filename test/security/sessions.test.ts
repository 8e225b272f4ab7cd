/**
 * One's own sessions over real HTTP: the list shows them without any token
 * or hash, "sign out everywhere" ends every one of them, and nobody can end
 * (or learn of) another person's session by its id.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rowsOf, isProblem, type Api } from './harness.ts';
import { startForThisFile } from './fixtures.ts';

let api: Api;
startForThisFile((started) => (api = started));

type Listed = { items: { id: string; signInMethod: string; current: boolean }[] };

describe('/v1/auth/sessions', () => {
  it('lists the person’s two sessions without a token or hash; end-all makes both answer 401', async () => {
    const first = await api.signIn('alumna-claire');
    const second = await api.signIn('alumna-claire');
    const list = await api.send('GET', '/v1/auth/sessions', { token: first });
    assert.equal(list.status, 200);
    const items = (list.json as Listed).items;
    // The suite's own session for Claire (the alumnus role) is one of hers too.
    assert.equal(items.length, 3);
    assert.deepEqual(items.filter((s) => s.current).length, 1);
    const hashes = await rowsOf(api.t, 'SELECT token_hash FROM sessions');
    for (const secret of [first, second, api.tokens.alumnus, ...hashes.map((h) => String(h.token_hash))]) assert.ok(!list.text.includes(secret));

    const ended = await api.send('POST', '/v1/auth/sessions/end-all', { token: second });
    assert.equal(ended.status, 204);
    for (const token of [first, second, api.tokens.alumnus]) {
      const me = await api.send('GET', '/v1/me', { token });
      assert.equal(me.status, 401);
      assert.ok(isProblem(me));
    }
    assert.equal((await api.send('GET', '/v1/me', { as: 'student' })).status, 200);
  });

  it('another person’s session id is 404, and that session keeps working', async () => {
    const adminSessions = (await api.send('GET', '/v1/auth/sessions', { as: 'admin' })).json as Listed;
    const target = adminSessions.items.find((s) => s.current)!.id;
    for (const as of ['student', 'staff', 'no_membership'] as const) {
      const reply = await api.send('DELETE', `/v1/auth/sessions/${target}`, { as });
      assert.equal(reply.status, 404, `${as}: ${reply.text}`);
      assert.ok(isProblem(reply));
    }
    assert.equal((await api.send('GET', '/v1/me', { as: 'admin' })).status, 200);
    assert.ok(((await api.send('GET', '/v1/auth/sessions', { as: 'admin' })).json as Listed).items.some((s) => s.id === target));
  });
});
