/**
 * Time to first useful render of each front-office component, in Debian's
 * Chromium against the real API (demo data): a minimal host page per
 * component loads the built bundle (`dist/front-office.js` unless told
 * otherwise: the four components and the portal) with `<passerelle-portal>` around the
 * component and an identity token for a demo person who can use it; the page
 * times, with `performance.now()`, from the start of the bundle's request
 * (Resource Timing) until the component's shadow root shows its form filled
 * with the API's data (see READY below; polled every 4 ms). Every run is a
 * fresh browser context (empty HTTP cache, new session); files are served
 * uncompressed from localhost, so network time is ~0.
 *
 *   pnpm --filter @passerelle/e2e bench:render [--runs 20] [--warmup 1] [--bundle front-office.js]
 *
 * `renderTimes()` also runs, 2 runs per component, in bench/render-smoke.test.ts.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { signIdentityToken } from '../../demo/host/sign.ts';
import { findPerson } from '../../demo/host/people.ts';
import { percentile } from '../../server/bench/harness.ts';
import { freePort, launchChromium, startApi } from '../e2e/harness.ts';

const elementsDir = fileURLToPath(new URL('../../packages/elements/', import.meta.url));

/**
 * One component, who uses it, and what "shown with data" means for it: a
 * function of the component's shadow root, true once the form is drawn with
 * what the API answered (not the "Loading…" status).
 */
export interface RenderTarget {
  tag: string;
  sub: string;
  /** Source of `(root: ShadowRoot) => boolean`, run in the page. */
  ready: string;
  what: string;
}

export const TARGETS: readonly RenderTarget[] = [
  {
    tag: 'passerelle-profile-editor',
    sub: 'alumna-claire',
    what: 'the profile form, first email field holding the stored address',
    ready: `(root) => !!root.querySelector('form input[name="emails.0.address"]')?.value`,
  },
  {
    tag: 'passerelle-offer-form',
    sub: 'rep-acme',
    what: 'the offer form, contract kinds from /offers/parameters',
    ready: `(root) => root.querySelectorAll('form input, form select, form textarea').length > 3`,
  },
  {
    tag: 'passerelle-pledge',
    sub: 'rep-acme',
    what: 'the pledge form, amounts from /pledges/parameters',
    ready: `(root) => root.querySelectorAll('form input, form select').length > 3`,
  },
  {
    tag: 'passerelle-consent-centre',
    sub: 'student-ines',
    what: 'the consent form, one checkbox per purpose and channel from /consents',
    ready: `(root) => root.querySelectorAll('input[type="checkbox"]').length > 0`,
  },
];

/** The host page: the bundle, the portal with a fresh identity token, the component, and the clock. */
function hostPage(api: string, bundle: string, target: RenderTarget): string {
  const person = findPerson(target.sub);
  if (!person) throw new Error(`No demo person ${target.sub}`);
  const token = signIdentityToken({ sub: person.sub, email: person.email, name: person.name, affiliation: person.affiliation });
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${target.tag}</title>
<script type="module" src="/dist/${bundle}"></script>
</head><body>
<passerelle-portal api="${api}" tenant="demo"><${target.tag}></${target.tag}></passerelle-portal>
<script>
  // Set before the bundle upgrades the element: Lit keeps a property set on the not-yet-defined element.
  document.querySelector('passerelle-portal').identityToken = ${JSON.stringify(token)};
  const ready = ${target.ready};
  const marks = (window.__marks = {});
  customElements.whenDefined('${target.tag}').then(() => (marks.defined = performance.now()));
  (function poll() {
    const root = document.querySelector('${target.tag}').shadowRoot;
    if (root && ready(root)) {
      marks.ready = performance.now();
      const script = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/dist/${bundle}'));
      marks.start = script.startTime;
      marks.loaded = script.responseEnd;
    } else setTimeout(poll, 4);
  })();
</script>
</body></html>`;
}

export interface RenderRun {
  /** From the bundle's request start to the form shown with data, ms. */
  ms: number;
  /** Of which: until the bundle was downloaded, and until the tag was defined. */
  loaded: number;
  defined: number;
}

export interface RenderOptions {
  runs: number;
  warmup: number;
  /** The `dist/` file the pages load. */
  bundle: string;
}

/** Builds the bundles, starts the API, a static host and Chromium; times `runs` fresh page loads per target. */
export async function renderTimes(options: RenderOptions, targets: readonly RenderTarget[] = TARGETS): Promise<Map<RenderTarget, RenderRun[]>> {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-render-'));
  const closers: Array<() => Promise<unknown> | void> = [() => rmSync(dir, { recursive: true, force: true })];
  try {
    await new Promise<void>((resolve, reject) =>
      execFile(process.execPath, ['--import', 'tsx', 'scripts/build.ts', `--outdir=${join(dir, 'dist')}`, '--no-manifest'], { cwd: elementsDir }, (err, stdout, stderr) =>
        // Over a size budget the build exits 1 with every file written; only a missing file is fatal here.
        err && !/over its/.test(stderr) ? reject(new Error(`The build failed:\n${stdout}${stderr}`)) : resolve(),
      ),
    );
    const port = await freePort();
    const host = `http://localhost:${port}`;
    const [{ api, close }, browser] = await Promise.all([startApi([host]), launchChromium()]);
    closers.push(close, () => browser.close());
    const server = await serveHost(port, dir, api, options.bundle);
    closers.push(() => new Promise((r) => server.close(r)));

    const results = new Map<RenderTarget, RenderRun[]>();
    for (const target of targets) {
      const runs: RenderRun[] = [];
      for (let i = 0; i < options.warmup + options.runs; i++) {
        const run = await loadOnce(browser, `${host}/${target.tag}.html`);
        if (i >= options.warmup) runs.push(run);
      }
      results.set(target, runs);
    }
    return results;
  } finally {
    for (const c of closers.reverse()) await c();
  }
}

function serveHost(port: number, dir: string, api: string, bundle: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const target = TARGETS.find((t) => path === `/${t.tag}.html`);
    try {
      if (target) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(hostPage(api, bundle, target));
      } else if (/^\/dist\/(en\/|messages\/|chunks\/)?[\w.-]+\.js$/.test(path)) {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(readFileSync(join(dir, path)));
      } else res.writeHead(404).end();
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(port, 'localhost', () => resolve(server)));
}

async function loadOnce(browser: Browser, url: string): Promise<RenderRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(url);
    await page
      .waitForFunction(() => (window as unknown as { __marks: { start?: number } }).__marks.start !== undefined, undefined, { timeout: 15_000 })
      .catch((err: Error) => Promise.reject(new Error(`${url}: the form was not shown within 15 s${errors.length ? ` (${errors.join('; ')})` : ''}: ${err.message}`)));
    const m = await page.evaluate(() => (window as unknown as { __marks: Record<'start' | 'loaded' | 'defined' | 'ready', number> }).__marks);
    return { ms: m.ready - m.start, loaded: m.loaded - m.start, defined: m.defined - m.start };
  } finally {
    await context.close();
  }
}

/** p50 / p95 / max of each target, as a Markdown table. */
export function renderTable(results: Map<RenderTarget, RenderRun[]>): string {
  const f = (n: number) => n.toFixed(0);
  const lines = ['| component (person) | runs | p50 | p95 | max | of which p50 bundle loaded / tag defined |', '|---|--:|--:|--:|--:|--:|'];
  for (const [target, runs] of results) {
    const sorted = (key: keyof RenderRun) => runs.map((r) => r[key]).sort((a, b) => a - b);
    const ms = sorted('ms');
    lines.push(`| \`<${target.tag}>\` (${target.sub}) | ${runs.length} | ${f(percentile(ms, 50))} ms | ${f(percentile(ms, 95))} ms | ${f(ms.at(-1)!)} ms | ${f(percentile(sorted('loaded'), 50))} / ${f(percentile(sorted('defined'), 50))} ms |`);
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ args: process.argv.slice(2).filter((a) => a !== '--'), options: { runs: { type: 'string', default: '20' }, warmup: { type: 'string', default: '1' }, bundle: { type: 'string', default: 'front-office.js' } } });
  const options = { runs: Number(values.runs), warmup: Number(values.warmup), bundle: values.bundle };
  const results = await renderTimes(options);
  console.log(renderTable(results));
  console.log(`\nFrom the bundle's request start to the form shown with data; fresh browser context per run (cold cache), ${options.warmup} warm-up run(s) per component not counted.`);
  console.log(`Reproduce: pnpm --filter @passerelle/e2e bench:render --runs ${options.runs} --warmup ${options.warmup} --bundle ${options.bundle}`);
}
