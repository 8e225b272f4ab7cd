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
 * Each component is compared with a bare baseline measured in the same run
 * (`packages/elements/bench/render-baseline.ts`): a minimal Lit element on
 * the same page set-up that makes the requests the component made before its
 * form was shown (read from the page's Resource Timing: the token exchange,
 * then the same reads) and draws as many fields. The component's loads and
 * its baseline's alternate, so that a shared machine's drift weighs on both.
 *
 * `--against <dir>`: a `dist/` built from other code (another commit's
 * `scripts/build.ts --outdir=<dir> --no-manifest`), loaded the same way in
 * the same run, its loads alternating with the others: two builds compared
 * (p50 ÷ p50) under the same conditions.
 *
 *   pnpm --filter @passerelle/e2e bench:render [--runs 20] [--warmup 1] [--bundle front-office.js] [--against <dir>] [--timeline] [--cpu-profile <dir>]
 *
 * `--timeline` prints, for the last run of each component, every file and
 * request before its form was shown, with when it started and ended.
 * `--cpu-profile <dir>` writes a CPU profile of the page's main thread for
 * that run (and its baseline's), from before the navigation until the form
 * was shown: `server/bench/profile-summary.ts` reads it (the time it calls
 * idle is the page waiting for files and the API). The profiler slows the
 * page: the timed figures of a profiled run are not comparable.
 *
 * `renderTimes()` also runs, 2 runs per component, in bench/render-smoke.test.ts.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** What a host page loads and when it counts as shown: the component in the portal, or the baseline in its place. */
interface PageSetUp {
  title: string;
  /** The module the page loads, from the host's root: `dist/<file>`, or `against/dist/<file>` (`--against`). */
  script: string;
  body: string;
  /** The element that the page sets the identity token on. */
  tokenOn: string;
  tag: string;
  ready: string;
}

/** The page of the component: the bundle, the portal with a fresh identity token around it. */
function componentPage(api: string, bundle: string, target: RenderTarget, from: 'dist' | 'against/dist' = 'dist'): PageSetUp {
  return { title: target.tag, script: `${from}/${bundle}`, body: `<passerelle-portal api="${api}" tenant="demo"><${target.tag}></${target.tag}></passerelle-portal>`, tokenOn: 'passerelle-portal', tag: target.tag, ready: target.ready };
}

/** The page of the baseline: its own small bundle, the same reads and as many fields as the component showed. */
function baselinePage(api: string, target: RenderTarget, seen: Seen): PageSetUp {
  return {
    title: `${target.tag} (baseline)`,
    script: 'dist/render-baseline.js',
    body: `<render-baseline api="${api}" fields="${seen.fields}" reads='${JSON.stringify(seen.reads)}'></render-baseline>`,
    tokenOn: 'render-baseline',
    tag: 'render-baseline',
    ready: `(root) => root.querySelectorAll('input').length >= ${seen.fields} && !!root.querySelector('input')?.value`,
  };
}

/** The host page: the script, the element with a fresh identity token, and the clock. */
function hostPage(api: string, target: RenderTarget, page: PageSetUp): string {
  const person = findPerson(target.sub);
  if (!person) throw new Error(`No demo person ${target.sub}`);
  const token = signIdentityToken({ sub: person.sub, email: person.email, name: person.name, affiliation: person.affiliation });
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${page.title}</title>
<script type="module" src="/${page.script}"></script>
</head><body>
${page.body}
<script>
  // Set before the bundle upgrades the element: Lit keeps a property set on the not-yet-defined element.
  document.querySelector('${page.tokenOn}').identityToken = ${JSON.stringify(token)};
  const ready = ${page.ready};
  const marks = (window.__marks = {});
  customElements.whenDefined('${page.tag}').then(() => (marks.defined = performance.now()));
  (function poll() {
    const root = document.querySelector('${page.tag}').shadowRoot;
    if (root && ready(root)) {
      marks.ready = performance.now();
      const entries = performance.getEntriesByType('resource');
      const script = entries.find((e) => e.name.endsWith('/${page.script}'));
      marks.start = script.startTime;
      marks.loaded = script.responseEnd;
      // What the baseline repeats: the API reads started before the form was shown (the exchange it makes itself), and the fields drawn.
      marks.reads = entries.filter((e) => e.name.startsWith(${JSON.stringify(api)}) && e.initiatorType === 'fetch' && e.startTime < marks.ready).map((e) => new URL(e.name).pathname + new URL(e.name).search).filter((path) => path !== '/v1/auth/exchange');
      marks.fields = root.querySelectorAll('input, select, textarea').length;
      marks.timeline = entries.filter((e) => e.startTime < marks.ready).map((e) => [new URL(e.name).pathname + new URL(e.name).search, Math.round(e.startTime - marks.start), Math.round(e.responseEnd - marks.start)]);
    } else setTimeout(poll, 4);
  })();
</script>
</body></html>`;
}

/** What the component did before it was shown, for its baseline to do the same. */
interface Seen {
  reads: string[];
  fields: number;
  /** Every file and request before the form was shown: path, start and end (ms from the bundle's request start). */
  timeline: [string, number, number][];
}

export interface RenderRun {
  /** From the bundle's request start to the form shown with data, ms. */
  ms: number;
  /** Of which: until the bundle was downloaded, and until the tag was defined. */
  loaded: number;
  defined: number;
}

/** A component's runs, its baseline's runs in the same run of the benchmark, and what the baseline repeated. */
export interface RenderResult {
  runs: RenderRun[];
  baseline: RenderRun[];
  /** With `against`: the same page loading the other build, as many runs. */
  against?: RenderRun[];
  /** What the baseline repeats, from the component's first load; `timeline` from its last. */
  seen: Seen;
}

export interface RenderOptions {
  runs: number;
  warmup: number;
  /** The `dist/` file the pages load. */
  bundle: string;
  /** A folder: the last run of each component (and of its baseline) is profiled there, `<tag>.cpuprofile` and `<tag>.baseline.cpuprofile`. */
  cpuProfile?: string;
  /** A `dist/` directory built from other code, timed in the same run (see the top of this file). */
  against?: string;
}

/**
 * Builds the bundles and the baseline, starts the API, a static host and
 * Chromium; times `runs` fresh page loads per target, each followed by one
 * of its baseline (and one of the other build with `against`).
 */
export async function renderTimes(options: RenderOptions, targets: readonly RenderTarget[] = TARGETS): Promise<Map<RenderTarget, RenderResult>> {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-render-'));
  const closers: Array<() => Promise<unknown> | void> = [() => rmSync(dir, { recursive: true, force: true })];
  try {
    await new Promise<void>((resolve, reject) =>
      execFile(process.execPath, ['--import', 'tsx', 'scripts/build.ts', `--outdir=${join(dir, 'dist')}`, '--no-manifest'], { cwd: elementsDir }, (err, stdout, stderr) =>
        // Over a size budget the build exits 1 with every file written; only a missing file is fatal here.
        err && !/over its/.test(stderr) ? reject(new Error(`The build failed:\n${stdout}${stderr}`)) : resolve(),
      ),
    );
    await new Promise<void>((resolve, reject) =>
      execFile(process.execPath, ['--import', 'tsx', 'scripts/build-render-baseline.ts', `--outdir=${join(dir, 'dist')}`], { cwd: elementsDir }, (err, stdout, stderr) =>
        err ? reject(new Error(`The baseline's build failed:\n${stdout}${stderr}`)) : resolve(),
      ),
    );
    const port = await freePort();
    const host = `http://localhost:${port}`;
    const [{ api, close }, browser] = await Promise.all([startApi([host]), launchChromium()]);
    closers.push(close, () => browser.close());
    // Made on each request: an identity token is exchanged once (its jti), so every load needs a fresh one.
    const pages = new Map<string, () => string>();
    const server = await serveHost(port, dir, pages, options.against);
    closers.push(() => new Promise((r) => server.close(r)));

    if (options.cpuProfile) mkdirSync(options.cpuProfile, { recursive: true });
    const load = (path: string, last: boolean) => loadOnce(browser, `${host}${path}`, last && options.cpuProfile ? join(options.cpuProfile, `${path.slice(1, -'.html'.length)}.cpuprofile`) : undefined);
    const results = new Map<RenderTarget, RenderResult>();
    for (const target of targets) {
      const paths = { component: `/${target.tag}.html`, baseline: `/${target.tag}.baseline.html`, against: `/${target.tag}.against.html` };
      pages.set(paths.component, () => hostPage(api, target, componentPage(api, options.bundle, target)));
      if (options.against) pages.set(paths.against, () => hostPage(api, target, componentPage(api, options.bundle, target, 'against/dist')));
      // The component's first load says what its baseline repeats.
      const first = await load(paths.component, options.warmup + options.runs === 1);
      const seen: Seen = { reads: first.reads, fields: first.fields, timeline: first.timeline };
      pages.set(paths.baseline, () => hostPage(api, target, baselinePage(api, target, seen)));
      const result: RenderResult = { runs: [], baseline: [], ...(options.against ? { against: [] } : {}), seen };
      for (let i = 0; i < options.warmup + options.runs; i++) {
        const last = i === options.warmup + options.runs - 1;
        // One load of each page in turn: drift on the machine weighs on all of them alike.
        const run = i === 0 ? first : await load(paths.component, last);
        const base = await load(paths.baseline, last);
        const other = options.against ? await load(paths.against, last) : undefined;
        if (i < options.warmup) continue;
        result.runs.push(run);
        result.baseline.push(base);
        if (other) result.against!.push(other);
        seen.timeline = run.timeline;
      }
      results.set(target, result);
    }
    return results;
  } finally {
    for (const c of closers.reverse()) await c();
  }
}

/** Serves `pages` (path → its HTML, filled as the benchmark goes), the built files of `dir`, and those of `against` under /against/dist/. */
function serveHost(port: number, dir: string, pages: ReadonlyMap<string, () => string>, against?: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const page = pages.get(path);
    try {
      if (page) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page());
      } else if (/^\/dist\/(en\/|messages\/|chunks\/)?[\w.-]+\.js$/.test(path)) {
        const file = readFileSync(join(dir, path)); // read first: a missing file is a 404, not headers sent twice
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(file);
      } else if (against && /^\/against\/dist\/(en\/|messages\/|chunks\/)?[\w.-]+\.js$/.test(path)) {
        const file = readFileSync(join(against, path.slice('/against/dist'.length)));
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(file);
      } else res.writeHead(404).end();
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(port, 'localhost', () => resolve(server)));
}

async function loadOnce(browser: Browser, url: string, cpuProfile?: string): Promise<RenderRun & Seen> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    // --cpu-profile: the page's main thread sampled every 100 µs from before the navigation until the form was shown.
    const cdp = cpuProfile ? await context.newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.request().method()} ${r.url()}`));
    await page.goto(url);
    await page
      .waitForFunction(() => (window as unknown as { __marks: { start?: number } }).__marks.start !== undefined, undefined, { timeout: 15_000 })
      .catch((err: Error) => Promise.reject(new Error(`${url}: the form was not shown within 15 s${errors.length ? ` (${errors.join('; ')})` : ''}: ${err.message}`)));
    const m = await page.evaluate(() => (window as unknown as { __marks: Record<'start' | 'loaded' | 'defined' | 'ready' | 'fields', number> & Seen }).__marks);
    if (cdp && cpuProfile) writeFileSync(cpuProfile, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    return { ms: m.ready - m.start, loaded: m.loaded - m.start, defined: m.defined - m.start, reads: m.reads, fields: m.fields, timeline: m.timeline };
  } finally {
    await context.close();
  }
}

/** p50 / p95 / max of each target and of its baseline, and their ratio at p50, as a Markdown table. */
export function renderTable(results: Map<RenderTarget, RenderResult>): string {
  const f = (n: number) => n.toFixed(0);
  const against = [...results.values()].some((r) => r.against);
  const lines = [
    `| component (person) | runs | p50 | p95 | max | of which p50 bundle loaded / tag defined | baseline p50 / p95 (reads, fields) | p50 ÷ baseline p50 |${against ? ' other build p50 / p95 | p50 ÷ other build p50 |' : ''}`,
    `|---|--:|--:|--:|--:|--:|--:|--:|${against ? '--:|--:|' : ''}`,
  ];
  for (const [target, { runs, baseline, against: other, seen }] of results) {
    const sorted = (list: RenderRun[], key: keyof RenderRun) => list.map((r) => r[key]).sort((a, b) => a - b);
    const ms = sorted(runs, 'ms');
    const base = sorted(baseline, 'ms');
    const others = other ? sorted(other, 'ms') : [];
    lines.push(
      `| \`<${target.tag}>\` (${target.sub}) | ${runs.length} | ${f(percentile(ms, 50))} ms | ${f(percentile(ms, 95))} ms | ${f(ms.at(-1)!)} ms | ${f(percentile(sorted(runs, 'loaded'), 50))} / ${f(percentile(sorted(runs, 'defined'), 50))} ms | ${f(percentile(base, 50))} / ${f(percentile(base, 95))} ms (${seen.reads.length}, ${seen.fields}) | ${(percentile(ms, 50) / percentile(base, 50)).toFixed(2)} |` +
        (against ? (others.length ? ` ${f(percentile(others, 50))} / ${f(percentile(others, 95))} ms | ${(percentile(ms, 50) / percentile(others, 50)).toFixed(2)} |` : ' — | — |') : ''),
    );
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ args: process.argv.slice(2).filter((a) => a !== '--'), options: { runs: { type: 'string', default: '20' }, warmup: { type: 'string', default: '1' }, bundle: { type: 'string', default: 'front-office.js' }, against: { type: 'string' }, timeline: { type: 'boolean', default: false }, 'cpu-profile': { type: 'string' } } });
  const options = { runs: Number(values.runs), warmup: Number(values.warmup), bundle: values.bundle, cpuProfile: values['cpu-profile'], against: values.against };
  const results = await renderTimes(options);
  console.log(renderTable(results));
  console.log(`\nFrom the bundle's request start to the form shown with data; fresh browser context per run (cold cache), ${options.warmup} warm-up run(s) per component not counted.`);
  console.log('Baseline: a bare Lit element (packages/elements/bench/render-baseline.ts) making the same token exchange and reads, drawing as many fields; the target is p50 ≤ 1.5 × its p50.');
  for (const [target, { seen }] of results) console.log(`  ${target.tag}: ${seen.reads.join(', ') || '(no reads)'}`);
  // --timeline: where the last run of each component spent its time, file by file and request by request.
  if (values.timeline) for (const [target, { seen }] of results) console.log(`\n${target.tag}, last run (path: start → end, ms):\n${seen.timeline.map(([path, start, end]) => `  ${String(start).padStart(4)} → ${String(end).padStart(4)}  ${path}`).join('\n')}`);
  if (options.against) console.log(`Other build: ${options.against} (its ${options.bundle}), loaded in turn with the others.`);
  console.log(`Reproduce: pnpm --filter @passerelle/e2e bench:render --runs ${options.runs} --warmup ${options.warmup} --bundle ${options.bundle}${options.against ? ` --against ${options.against}` : ''}`);
}
