/**
 * The real server (`src/index.ts`) as a child process, booted with almost
 * nothing in its environment: without a way to send sign-in codes it
 * refuses to start with one sentence; development mode is only what
 * PASSERELLE_DEV=1 switches on, and it says so when it boots.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = fileURLToPath(new URL('../../server/', import.meta.url));
const READY = 'Passerelle API on';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

interface Boot {
  /** Exit code when it stopped by itself, null when it started (and was stopped after `use`). */
  code: number | null;
  output: string;
}

/**
 * Starts the server with exactly `env` (plus a database in a temporary
 * folder and a free port, so that a server that does start touches nothing
 * shared) and waits until it either exits or prints that it listens; then
 * `use` gets its URL and it is stopped.
 */
async function boot(env: Record<string, string>, use: (url: string) => Promise<void> = async () => {}): Promise<Boot> {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-boot-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: serverDir,
    env: { DATABASE_URL: join(dir, 'p.db'), PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const closed = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  try {
    const started = await new Promise<boolean>((resolve) => {
      const onData = (d: Buffer) => {
        output += String(d);
        if (output.includes(READY)) resolve(true);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      void closed.then(() => resolve(false));
    });
    if (!started) return { code: await closed, output };
    await use(`http://127.0.0.1:${port}`);
    return { code: null, output };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await closed;
    rmSync(dir, { recursive: true, force: true });
  }
}

test('with no SMTP_URL and no development mode, the server refuses to boot with one sentence naming SMTP_URL', { timeout: 60_000 }, async () => {
  const { code, output } = await boot({});
  assert.equal(code, 1, output);
  assert.equal(output.trim(), 'SMTP_URL is not set: Passerelle cannot send sign-in codes. Set SMTP_URL, or EMAIL_SIGN_IN=off to run without email sign-in.');
});

test('NODE_ENV=development does not switch development mode on', { timeout: 60_000 }, async () => {
  const { code, output } = await boot({ NODE_ENV: 'development' });
  assert.equal(code, 1, output);
  assert.match(output, /^SMTP_URL is not set/);
});

test('with EMAIL_SIGN_IN=off it boots, without development mode: no dev outbox, email sign-in answers 404', { timeout: 60_000 }, async () => {
  const { code, output } = await boot({ EMAIL_SIGN_IN: 'off' }, async (url) => {
    assert.equal((await fetch(`${url}/health`)).status, 200);
    assert.equal((await fetch(`${url}/v1/dev/outbox`)).status, 404);
    const email = await fetch(`${url}/v1/auth/email`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant: 'demo', email: 'a@example.org' }) });
    assert.equal(email.status, 404);
    assert.equal(email.headers.get('content-type'), 'application/problem+json');
  });
  assert.equal(code, null, output);
  assert.doesNotMatch(output, /Development mode/);
});

test('PASSERELLE_DEV=1 boots in development mode, says so in one line, and shows the dev outbox', { timeout: 60_000 }, async () => {
  const { code, output } = await boot({ PASSERELLE_DEV: '1' }, async (url) => {
    assert.equal((await fetch(`${url}/v1/dev/outbox`)).status, 200);
  });
  assert.equal(code, null, output);
  assert.equal(output.split('\n').filter((line) => /Development mode is on \(PASSERELLE_DEV=1\)/.test(line)).length, 1, output);
});
