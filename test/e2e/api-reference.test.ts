/**
 * The API reference at /v1/docs, in Chromium against the real server: the
 * page draws the operations from /v1/openapi.json, and every request it
 * makes goes to the API itself (no CDN, no font host), within its
 * Content-Security-Policy.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, SCREENSHOTS, startApi, type RunningApi } from './harness.ts';

let api: RunningApi;
let browser: Browser;
before(async () => {
  [api, browser] = await Promise.all([startApi(), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await api?.close();
});

test('/v1/docs shows the operations, loading nothing from anywhere but the API', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
  try {
    const answer = await page.goto(`${api.api}/v1/docs`);
    assert.equal(answer?.status(), 200);
    assert.match(answer?.headers()['content-security-policy'] ?? '', /default-src 'none'/);
    // The summary of GET /v1/me, as the reference draws it from the description (generous: the machine may be busy).
    await page.getByRole('heading', { name: 'The signed-in person, their roles and what they may do' }).waitFor({ timeout: 120_000 });
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'api-reference.png') });

    const origin = new URL(api.api).origin;
    const elsewhere = requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);
    assert.deepEqual(elsewhere, [], 'requests that left the API');
    assert.ok(requests.some((url) => url.startsWith(`${origin}/v1/openapi.json`)), `the page read the description: ${requests.join(', ')}`);
    assert.ok(requests.some((url) => url.startsWith(`${origin}/v1/docs/redoc.standalone.js`)), 'the page loaded the script from the API');
    // Nothing the policy had to block, and nothing broken.
    assert.deepEqual(
      errors.filter((e) => !/favicon/.test(e)),
      [],
    );
  } finally {
    await context.close();
  }
});
