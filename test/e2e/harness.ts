/**
 * Starts, on free random ports, the real Passerelle API (temporary SQLite
 * file, demo seeded, the site's origin registered through the CLI) and the
 * real demo site (Vite dev server with its host back end), and launches
 * Debian's Chromium through playwright-core. `close()` tears it all down.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startSite } from '../../demo/scripts/site.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const serverDir = join(repo, 'server');
const elementsDir = join(repo, 'packages/elements');
export const SCREENSHOTS = process.env.PASSERELLE_SCREENSHOTS ?? '/tmp/passerelle-screens';

/** True when `packages/elements/src/<name>/define.ts` exists, i.e. the component can be loaded. */
export const hasComponent = (name: string): boolean => existsSync(join(elementsDir, 'src', name, 'define.ts'));

/** For `test(..., { skip })`: a clear reason while a component is still missing, else false. */
export const skipUnless = (...names: string[]): string | false => {
  const missing = names.filter((n) => !hasComponent(n));
  return missing.length ? `not written yet: packages/elements/src/${missing.join('/define.ts, packages/elements/src/')}/define.ts` : false;
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ port: 0, host: 'localhost' }, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function chromiumPath(): string {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`No Chromium at ${path}. Install it (apt-get install chromium) or point CHROME_PATH at a Chrome/Chromium binary.`);
  }
  return path;
}

/** axe-core's browser build, from the elements package's test dependencies (@open-wc/testing → chai-a11y-axe → axe-core). */
export function axeScriptPath(): string {
  let from = join(elementsDir, 'package.json');
  for (const name of ['@open-wc/testing', 'chai-a11y-axe', 'axe-core']) from = createRequire(from).resolve(name);
  return join(dirname(from), 'axe.min.js');
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The API exited (${child.exitCode}):\n${output()}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The API did not answer ${url}/health within 30 s:\n${output()}`);
}

export interface OpenedPage {
  page: Page;
  /** Console errors and uncaught exceptions seen so far, as text. */
  errors: string[];
}

export interface Harness {
  api: string;
  /** The API's SQLite file (RunningApi.database). */
  database: string;
  site: string;
  browser: Browser;
  /** A fresh browser context (own cookies: a new visitor) and page, with console errors collected. */
  newPage(): Promise<OpenedPage>;
  /** Saves a full-page screenshot to SCREENSHOTS/<name>.png. */
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/** The real API on a free port over a temporary SQLite file with the demo seeded. */
export interface RunningApi {
  api: string;
  /** Its SQLite file, for a test that prepares what the API has no route for (server/scripts/). */
  database: string;
  close(): Promise<void>;
}

/**
 * Starts the real API (`server/src/index.ts`) on a free port over a fresh
 * temporary SQLite file seeded with the demo, with `origins` registered for
 * the demo tenant (CORS). In development mode (PASSERELLE_DEV=1) without SMTP_URL, its mail goes to the dev outbox.
 */
export async function startApi(origins: readonly string[] = [], port?: number): Promise<RunningApi> {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-e2e-'));
  const apiPort = port ?? (await freePort());
  const api = `http://localhost:${apiPort}`;
  // Development mode without SMTP_URL: the API keeps its mail in the dev outbox, where the tests read the sign-in codes.
  const { SMTP_URL: _smtp, ...inherited } = process.env;
  const env = { ...inherited, DATABASE_URL: join(dir, 'passerelle.db'), PORT: String(apiPort), NODE_ENV: 'test', PASSERELLE_DEV: '1' };

  const cli = (...args: string[]) =>
    new Promise<void>((resolve, reject) => {
      execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: serverDir, env }, (err, stdout, stderr) =>
        err ? reject(new Error(`passerelle ${args.join(' ')} failed:\n${stderr}${stdout}`)) : resolve(),
      );
    });
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  // Seeded before the API boots, so the two never migrate the same file at once.
  await cli('seed', '--demo').catch((err: unknown) => (removeDir(), Promise.reject(err)));

  let apiOutput = '';
  const apiProcess = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], { cwd: serverDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  apiProcess.stdout?.on('data', (d) => (apiOutput += String(d)));
  apiProcess.stderr?.on('data', (d) => (apiOutput += String(d)));
  const close = async () => {
    await new Promise<void>((resolve) => {
      if (apiProcess.exitCode !== null) return resolve();
      apiProcess.once('exit', () => resolve());
      apiProcess.kill('SIGTERM');
    });
    removeDir();
  };
  try {
    // Independent of one another: the origin is read from the database on each request.
    await Promise.all([...origins.map((origin) => cli('tenant', 'origin', 'add', 'demo', origin)), waitForHealth(api, apiProcess, () => apiOutput)]);
  } catch (err) {
    await close();
    throw err;
  }
  return { api, database: env.DATABASE_URL, close };
}

/** Debian's Chromium (or CHROME_PATH) through playwright-core, headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export async function startHarness(): Promise<Harness> {
  chromiumPath();
  const [apiPort, sitePort] = [await freePort(), await freePort()];
  const site = `http://localhost:${sitePort}`;
  const closers: Array<() => Promise<void> | void> = [];
  const close = async () => {
    for (const c of closers.splice(0).reverse()) await c();
  };

  try {
    const [{ api, database }, vite, browser] = await Promise.all([
      startApi([site], apiPort).then((a) => (closers.push(() => a.close()), a)),
      startSite({ port: sitePort, api: `http://localhost:${apiPort}`, logLevel: 'error', cacheDir: join(tmpdir(), 'passerelle-e2e-vite-cache') }).then((v) => (closers.push(() => v.close()), v)),
      launchChromium().then((b) => (closers.push(() => b.close()), b)),
    ]);
    void vite;
    const contexts: BrowserContext[] = [];

    return {
      api,
      database,
      site,
      browser,
      async newPage() {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
        contexts.push(context);
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('console', (msg) => {
          if (msg.type() === 'error') errors.push(`console: ${msg.text()} (${msg.location().url})`);
        });
        page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
        return { page, errors };
      },
      async screenshot(page, name) {
        mkdirSync(SCREENSHOTS, { recursive: true });
        const path = join(SCREENSHOTS, `${name}.png`);
        await page.screenshot({ path, fullPage: true });
        return path;
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

/** Opens a page of the site and waits until the demo has loaded every component it can. */
export async function visit(page: Page, site: string, path: string): Promise<void> {
  await page.goto(`${site}${path}`);
  await page.waitForFunction(() => document.documentElement.dataset.demoReady === 'true');
}

/** Signs in on the host site as `sub` (or `anonymous`) with the header's role switcher, as a visitor would. */
export async function switchPerson(page: Page, sub: string): Promise<void> {
  await page.selectOption('#host-person', sub);
  await Promise.all([page.waitForEvent('load'), page.locator('form.switcher button[type=submit]').click()]);
  await page.waitForFunction(() => document.documentElement.dataset.demoReady === 'true');
}

/** The latest sign-in code the API's dev outbox holds for `email`. */
export async function codeFromOutbox(api: string, email: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const res = await fetch(`${api}/v1/dev/outbox`);
    const { items } = (await res.json()) as { items: Array<{ to: string; subject: string }> };
    const mail = items.find((m) => m.to === email);
    const code = mail && /(\d{6})\s*$/.exec(mail.subject)?.[1];
    if (code) return code;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`No sign-in code for ${email} in ${api}/v1/dev/outbox`);
}

/** Runs axe-core in the page; returns the violations as readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axeScriptPath() });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.map((v) => `${v.impact ?? ''} ${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

/** Waits until the page's first `<passerelle-portal>` has finished signing in (or has settled signed out). */
export async function portalSettled(page: Page, status: 'signed-in' | 'signed-out'): Promise<void> {
  await page.waitForFunction((want) => {
    const portal = document.querySelector('passerelle-portal') as (HTMLElement & { auth?: { state: { status: string } } | null }) | null;
    return portal?.auth?.state.status === want;
  }, status);
}

/** `me.can` of the page's portal: what the policy lets the signed-in person do. */
export async function portalCan(page: Page): Promise<Record<string, boolean>> {
  return page.evaluate(() => {
    const portal = document.querySelector('passerelle-portal') as (HTMLElement & { me?: { can: Record<string, boolean> } | null }) | null;
    return portal?.me?.can ?? {};
  });
}
