/**
 * A promise that fails with nobody waiting for it (a missed `await` in the
 * server's code) is logged, with its stack, and the API keeps serving: the
 * process does not end, and the requests after it are answered.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { request, signIn, startApi, suiteWorkspace } from './harness.ts';

const suite = suiteWorkspace();
const preload = fileURLToPath(new URL('./unhandled-rejection.preload.mjs', import.meta.url));

test('an unhandled rejection is logged and the API keeps answering', { timeout: 60_000 }, async () => {
  const { ws, track } = suite;
  const api = track(await startApi(ws.url, { NODE_OPTIONS: `--import ${preload}` }));
  const token = await signIn(api.url, 'student-ines');
  api.signal('SIGUSR2');
  const line = await api.waitForOutput(/unhandled rejection/);
  const logged = JSON.parse(line) as { level: number; msg: string; err: { message: string; stack: string } };
  assert.equal(logged.level, 50);
  assert.equal(logged.err.message, 'fault test: a promise nobody awaits');
  assert.match(logged.err.stack, /unhandled-rejection\.preload\.mjs/);
  const after = await request(api.url, 'GET', '/v1/profiles/me', { token });
  assert.equal(after.status, 200);
  assert.equal(await Promise.race([api.exited.then(() => 'exited'), Promise.resolve('running')]), 'running');
});
