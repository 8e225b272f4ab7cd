/**
 * The compiled server, deployed and started as the README's "Running in
 * production" says: `pnpm --filter @passerelle/server build`, a production
 * install with `pnpm deploy --prod` into a temporary folder, an env file in
 * the README's format, and the README's systemd unit's `ExecStart` run in its
 * `WorkingDirectory` with only that file's environment (as systemd does).
 * Then over real HTTP on 127.0.0.1, with the headers the README's nginx
 * sets: the demo institutions and a host key added with `dist/cli.js`, a sign-in,
 * `/v1/me`, `/ready`; SIGTERM ends it with exit 0.
 *
 * It runs on the Node that runs it (the build, the install's native module
 * and the server alike); with PASSERELLE_NODE_22 set (`.ci/run` sets it when
 * the machine's Node is not 22, the LTS production runs on) the whole file
 * runs again under that Node.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signHostToken } from '../../server/src/auth/host-token.ts';
import { freePort } from '../fault/harness.ts';
import { readmeUnit, readmeEnvFile, readEnvFile, type Unit } from './readme.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'passerelle-deploy-'));
after(() => rmSync(work, { recursive: true, force: true }));

/**
 * pnpm and the install scripts it runs (better-sqlite3's compilation) on
 * this Node, with this Node's headers when it ships them (the npm registry's
 * `node` package and Debian's nodejs both do).
 */
function toolEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}` };
  // Debian's nodejs: /usr/include/node; the `node` package: its binary in bin/, the headers in the platform's package beside it.
  const prefix = dirname(dirname(process.execPath));
  const nodeDir = [prefix, join(prefix, `node_modules/node-${process.platform}-${process.arch}`)].find((dir) => existsSync(join(dir, 'include/node/common.gypi')));
  if (nodeDir) env.npm_config_nodedir = nodeDir;
  return env;
}

function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { ...options, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${command} ${args.join(' ')} failed (${err.code}):\n${stderr}${stdout}`)) : resolve(stdout),
    );
  });
}

/** The unit's paths moved into the temporary folder; its command run by this Node. */
function localised(unit: Unit, app: string, envFile: string): { command: string; args: string[]; cwd: string; envFile: string } {
  const [node, ...args] = unit.execStart;
  assert.match(node ?? '', /\/node$/, 'ExecStart runs node');
  assert.ok(!args.some((a) => /tsx|--import|--loader|--experimental-strip-types/.test(a)), 'no TypeScript loader at run time');
  assert.equal(unit.workingDirectory, '/opt/passerelle', 'the unit runs in the folder the README deploys to');
  return { command: process.execPath, args, cwd: app, envFile };
}

const HOST_SECRET = 'a-host-secret-for-this-test-only-0123456789abcdef';
const nginxRequestId = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';

test(`the compiled server, deployed with --prod and started as the README's systemd unit, answers a signed-in request and stops on SIGTERM (Node ${process.versions.node})`, async () => {
  const env = toolEnv();
  await run('pnpm', ['--filter', '@passerelle/server', 'build'], { cwd: root, env });
  const app = join(work, 'opt/passerelle');
  await run('pnpm', ['--filter', '@passerelle/server', 'deploy', '--legacy', '--prod', app], { cwd: root, env });
  assert.ok(!existsSync(join(app, 'src')), 'the production install holds no TypeScript source');
  assert.ok(!existsSync(join(app, 'node_modules/tsx')) && !existsSync(join(app, 'node_modules/esbuild')), 'nor any dev tool');

  const port = await freePort();
  const data = join(work, 'var/lib/passerelle');
  mkdirSync(data, { recursive: true });
  const envFile = join(work, 'etc/passerelle/passerelle.env');
  mkdirSync(dirname(envFile), { recursive: true });
  // The README's file with this machine's port and folder; no mail server here, so no email sign-in (the host token exchange needs none).
  writeFileSync(envFile, readmeEnvFile({ PORT: String(port), DATABASE_URL: join(data, 'passerelle.db'), SMTP_URL: undefined, EMAIL_SIGN_IN: 'off' }));
  const service = localised(readmeUnit(), app, envFile);
  // systemd hands the service the env file and little else: nothing of this shell, no INIT_CWD, no npm_config_*.
  const serviceEnv: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', ...readEnvFile(envFile) };
  assert.equal(serviceEnv.TRUST_PROXY, '1');

  const cli = (...args: string[]) => run(process.execPath, ['dist/cli.js', ...args], { cwd: app, env: { ...serviceEnv, PASSERELLE_LANG: 'en' } });
  // The demo institution and its people (an institution made by `tenant add` has none until its base is imported), and a host key of ours.
  await cli('seed', '--demo');
  await cli('tenant', 'key', 'add', 'demo', '--kid', '2026-01', '--alg', 'HS256', '--key', HOST_SECRET);

  const server = spawn(service.command, service.args, { cwd: service.cwd, env: serviceEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout.on('data', (d) => (output += String(d)));
  server.stderr.on('data', (d) => (output += String(d)));
  const exited = new Promise<number | null>((resolve) => server.once('close', (code) => resolve(code)));
  after(() => void server.kill('SIGKILL'));
  const url = `http://127.0.0.1:${port}`;
  // What nginx adds to every request it passes on.
  const proxied = { 'x-forwarded-for': '198.51.100.23', 'x-forwarded-proto': 'https', 'x-request-id': nginxRequestId };

  const deadline = Date.now() + 60_000;
  let ready: Response | undefined;
  while (!ready) {
    if (server.exitCode !== null) assert.fail(`The server exited (${server.exitCode}):\n${output}`);
    ready = await fetch(`${url}/ready`).catch(() => undefined);
    if (!ready && Date.now() > deadline) assert.fail(`No answer on ${url}/ready within a minute:\n${output}`);
    if (!ready) await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(ready.status, 200, output);
  assert.deepEqual(await ready.json(), { status: 'ready', checks: { database: 'ok', migrations: 'ok', workers: 'ok' } });

  const iat = Math.floor(Date.now() / 1000);
  const identity = signHostToken(HOST_SECRET, '2026-01', { iss: 'demo', aud: 'passerelle', sub: 'rep-acme', iat, exp: iat + 300, jti: `deploy-${process.pid}` });
  const exchange = await fetch(`${url}/v1/auth/exchange`, { method: 'POST', headers: { ...proxied, 'content-type': 'application/json' }, body: JSON.stringify({ token: identity }) });
  assert.equal(exchange.status, 200, await exchange.clone().text());
  const { token } = (await exchange.json()) as { token: string };

  const me = await fetch(`${url}/v1/me`, { headers: { ...proxied, authorization: `Bearer ${token}` } });
  assert.equal(me.status, 200);
  assert.equal(me.headers.get('x-request-id'), nginxRequestId, 'the id nginx gave the request comes back');
  const body = (await me.json()) as { tenant: { slug: string } };
  assert.equal(body.tenant.slug, 'demo');
  // The log is written asynchronously (server/src/http/log.ts): the line follows the answer, once the event loop is free.
  const logged = () => output.split('\n').find((l) => l.includes(nginxRequestId) && l.includes('"/v1/me"'));
  for (const until = Date.now() + 10_000; !logged() && Date.now() < until; ) await new Promise((r) => setTimeout(r, 20));
  const line = logged();
  assert.ok(line, `one log line for the request, under nginx's id:\n${output}`);
  assert.equal((JSON.parse(line) as { status: number }).status, 200);

  server.kill('SIGTERM');
  assert.equal(await exited, 0, output);
  assert.match(output, /stopped/);
});

const node22 = process.env.PASSERELLE_NODE_22;
test('the same on Node 22', { skip: !node22 ? 'PASSERELLE_NODE_22 is not set (.ci/run sets it when the machine has another Node)' : process.versions.node.startsWith('22.') ? 'this run is on Node 22' : false }, async () => {
  // A run of its own, not a subtest of this one (node:test marks its children with NODE_TEST_CONTEXT).
  const { PASSERELLE_NODE_22: _, NODE_TEST_CONTEXT: __, ...env } = process.env;
  const child = spawn(node22!, ['--import', 'tsx', '--test', fileURLToPath(import.meta.url)], { cwd: join(root, 'test'), env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += String(d)));
  child.stderr.on('data', (d) => (output += String(d)));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  assert.equal(code, 0, output);
  assert.match(output, /Node 22\./);
});
