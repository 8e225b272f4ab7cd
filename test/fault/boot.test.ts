/**
 * The real server (`src/index.ts`) as a child process, booted with almost
 * nothing in its environment: without a way to send sign-in codes it
 * refuses to start with one sentence; development mode is only what
 * PASSERELLE_DEV=1 switches on, and it says so when it boots. What else
 * stops a boot (a port in use, a database path it cannot use, an SMTP
 * server that does not answer) is one sentence too, exit code 1, no stack.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

/** The one line a refused boot printed, with its exit code. */
async function refusal(env: Record<string, string>): Promise<{ code: number | null; lines: string[] }> {
  const { code, output } = await boot({ EMAIL_SIGN_IN: 'off', PASSERELLE_LANG: 'en', ...env });
  return { code, lines: output.trimEnd().split('\n') };
}

test('a port another process holds stops the boot with one sentence naming the port', { timeout: 60_000 }, async () => {
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen({ port: 0 }, resolve));
  try {
    const port = (holder.address() as { port: number }).port;
    assert.deepEqual(await refusal({ PORT: String(port) }), { code: 1, lines: [`Port ${port} is already in use by another process: stop it, or set PORT to a free port.`] });
  } finally {
    await new Promise((resolve) => holder.close(resolve));
  }
});

test('a DATABASE_URL that is a folder, in a place where nothing can be created, or not a database stops the boot with one sentence (and /proc/nope does not hang)', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-boot-db-'));
  try {
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not a database, but long enough to be read as a file header by SQLite.\n'.repeat(20));
    assert.deepEqual(await refusal({ DATABASE_URL: dir }), {
      code: 1,
      lines: [`DATABASE_URL names a folder, ${dir}: give the path of a database file inside it, such as ${dir}/passerelle.db.`],
    });
    assert.deepEqual(await refusal({ DATABASE_URL: '/proc/nope/p.db' }), {
      code: 1,
      lines: ['The database /proc/nope/p.db cannot be created or opened (ENOENT): check that its folder exists or can be created, and that this user may write there.'],
    });
    assert.deepEqual(await refusal({ DATABASE_URL: join(text, 'p.db') }), {
      code: 1,
      lines: [`The database ${join(text, 'p.db')} cannot be created or opened (SQLITE_CANTOPEN): check that its folder exists or can be created, and that this user may write there.`],
    });
    assert.deepEqual(await refusal({ DATABASE_URL: text }), {
      code: 1,
      lines: [`${text} is not a SQLite database: DATABASE_URL must name a Passerelle database, or a file that does not exist yet.`],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an SMTP server that does not answer stops the boot with one sentence, without the password of SMTP_URL', { timeout: 60_000 }, async () => {
  const closed = await freePort();
  const { code, lines } = await refusal({ EMAIL_SIGN_IN: 'on', SMTP_URL: `smtp://mailer:s3cret@127.0.0.1:${closed}` });
  assert.equal(code, 1);
  assert.deepEqual(lines, [
    `The SMTP server 127.0.0.1:${closed} (SMTP_URL) does not answer (ECONNREFUSED): Passerelle could not send sign-in codes; check SMTP_URL and the network, or set EMAIL_SIGN_IN=off.`,
  ]);
  const french = await boot({ SMTP_URL: `smtp://mailer:s3cret@127.0.0.1:${closed}` });
  assert.equal(french.code, 1);
  assert.match(french.output, /^Le serveur SMTP 127\.0\.0\.1:\d+ \(SMTP_URL\) ne répond pas \(ECONNREFUSED\)/);
  assert.doesNotMatch(french.output, /s3cret/);
});
