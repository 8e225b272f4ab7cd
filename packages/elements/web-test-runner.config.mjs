// Browser tests in Debian's Chromium against the REAL API: the config starts
// the server on a temp SQLite file with the demo data and stops it after.
import { spawn, execFileSync } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const serverDir = join(root, 'server');
const tsx = join(here, 'node_modules/.bin/tsx');
const PORT = Number(process.env.WTR_PORT ?? 8765);
const ORIGIN = `http://localhost:${PORT}`;
const DEMO_SECRET = process.env.PASSERELLE_DEMO_HOST_SECRET || 'demo-host-secret-for-local-use-only-0123456789';
const DEMO_KID = 'demo-1';

function chromePath() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) throw new Error('Install Chromium: apt-get install -y chromium (or set CHROME_PATH)');
  return found;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** A host-signed HS256 identity token, as the institution's site would sign it. */
function hostToken(sub, claims = {}) {
  const iat = Math.floor(Date.now() / 1000);
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const header = b64({ alg: 'HS256', typ: 'JWT', kid: DEMO_KID });
  const payload = b64({ iss: 'demo', aud: 'passerelle', sub, iat, exp: iat + 300, jti: randomUUID(), ...claims });
  const signature = createHmac('sha256', DEMO_SECRET).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/** Starts the API for the run and serves `/__passerelle/*` to the tests. */
function passerelleApi() {
  let child;
  let stopping = false;
  let dir;
  let api;
  let serverEnv;
  return {
    name: 'passerelle-api',
    async serverStart() {
      dir = mkdtempSync(join(tmpdir(), 'passerelle-wtr-'));
      const env = { ...process.env, DATABASE_URL: join(dir, 'test.db'), NODE_ENV: 'test', PASSERELLE_DEV: '1', SESSION_TTL_MINUTES: '60' };
      serverEnv = env;
      const cli = (...args) => {
        try {
          execFileSync(tsx, ['src/cli/main.ts', ...args], { cwd: serverDir, env, stdio: 'pipe' });
        } catch (err) {
          throw new Error(`passerelle ${args.join(' ')} failed (the API cannot start for the tests):\n${err.stderr ?? err.message}`);
        }
      };
      cli('seed', '--demo');
      cli('tenant', 'origin', 'add', 'demo', ORIGIN);
      // The production files, as a host page loads them (src/portal/bundle.test.ts, src/bundles/).
      try {
        execFileSync(tsx, ['scripts/build.ts', `--outdir=${join(dir, 'dist')}`, '--no-manifest'], { cwd: here, stdio: 'pipe' });
      } catch (err) {
        throw new Error(`Building dist/ failed:\n${err.stdout ?? ''}${err.stderr ?? err.message}`);
      }
      const port = await freePort();
      api = `http://127.0.0.1:${port}`;
      child = spawn(tsx, ['src/index.ts'], { cwd: serverDir, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
      let log = '';
      child.stdout.on('data', (d) => (log += d));
      child.stderr.on('data', (d) => (log += d));
      const deadline = Date.now() + 30_000;
      for (;;) {
        try {
          if ((await fetch(`${api}/health`)).ok) break;
        } catch {
          // not listening yet
        }
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`The API did not start:\n${log}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      // Without this, an API that dies mid-run only shows as "Failed to fetch" in every later test.
      child.once('exit', (code, signal) => {
        if (!stopping) console.error(`\nThe API stopped during the test run (exit ${code}, signal ${signal}). Its log:\n${log.slice(-4000)}`);
      });
    },
    async serverStop() {
      stopping = true;
      if (child && child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
    serve(context) {
      if (context.path === '/__passerelle/config') {
        return { body: JSON.stringify({ api, tenant: 'demo', origin: ORIGIN }), type: 'json' };
      }
      // dist/ (its chunks, English and message catalogues too), and the same files again under
      // dist-copy/: a second copy of Passerelle on the page, as a host may load by mistake.
      const file = /^\/__passerelle\/dist(?:-copy)?\/((?:chunks\/|en\/|messages\/)?[\w.-]+\.js)$/.exec(context.path);
      if (file && existsSync(join(dir, 'dist', file[1]))) {
        return { body: readFileSync(join(dir, 'dist', file[1]), 'utf8'), type: 'js' };
      }
      if (context.path === '/__passerelle/host-token') {
        const sub = context.URL.searchParams.get('sub') ?? 'student-ines';
        // A person the host vouches for (affiliation student or alum) is created on first sign-in.
        const claims = Object.fromEntries(['affiliation', 'name', 'email'].flatMap((k) => (context.URL.searchParams.get(k) ? [[k, context.URL.searchParams.get(k)]] : [])));
        return { body: JSON.stringify({ token: hostToken(sub, claims) }), type: 'json' };
      }
      if (context.path === '/__passerelle/sign-in-link') {
        // A fresh link that signs a demo person in, as a message carries it (server/scripts/sign-in-link.ts).
        const sub = context.URL.searchParams.get('sub') ?? 'student-ines';
        const out = execFileSync(tsx, ['scripts/sign-in-link.ts', 'demo', sub], { cwd: serverDir, env: serverEnv, stdio: 'pipe' });
        return { body: out.toString('utf8'), type: 'json' };
      }
      if (context.path === '/__passerelle/inactive-person') {
        // An alumnus of a school last seen four years ago, whom the retention rule lists (server/scripts/inactive-person.ts).
        const entity = context.URL.searchParams.get('entity') ?? "École d'ingénieurs";
        const name = context.URL.searchParams.get('name') ?? 'Ancien Inactif';
        const out = execFileSync(tsx, ['scripts/inactive-person.ts', 'demo', entity, name], { cwd: serverDir, env: serverEnv, stdio: 'pipe' });
        return { body: out.toString('utf8'), type: 'json' };
      }
      return undefined;
    },
  };
}

export default {
  rootDir: root,
  files: ['src/**/*.test.ts'],
  nodeResolve: true,
  port: PORT,
  hostname: 'localhost',
  // Safety bounds against a hang, not speed checks: the axe runs in both
  // languages and the pledge file took past 10 s a test and 120 s a file on a
  // busy 2-core machine.
  testFramework: { config: { timeout: 60_000 } },
  testsFinishTimeout: 600_000,
  // Lit's one-time "dev mode" notice is noise in every file's log.
  testRunnerHtml: (framework) =>
    `<html><head><script>globalThis.litIssuedWarnings = new Set(['dev-mode']);</script></head><body><script type="module" src="${framework}"></script></body></html>`,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromePath(),
        args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      },
    }),
  ],
  plugins: [esbuildPlugin({ ts: true, tsconfig: join(here, 'tsconfig.json'), target: 'es2022' }), passerelleApi()],
};
