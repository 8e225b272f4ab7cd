import { describe, expect, it } from 'vitest';
import { testApp } from '../testing.ts';
import { REDOC_VERSION } from './docs.ts';

describe('GET /v1/docs, the API reference', () => {
  it('is a page for everyone, whose policy lets it load nothing but the API’s own files', async () => {
    const t = testApp();
    const res = await t.call('GET', '/v1/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/connect-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    const html = await res.text();
    // The page points at the description and at the script the API serves, by relative addresses, and has no inline script.
    expect(html).toContain('spec-url="openapi.json"');
    expect(html).toContain(`<script src="docs/redoc.standalone.js?v=${REDOC_VERSION}"></script>`);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('serves Redoc’s script itself, cacheable, without the address of Redocly’s CDN', async () => {
    const t = testApp();
    const res = await t.call('GET', '/v1/docs/redoc.standalone.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const script = await res.text();
    expect(script.length).toBeGreaterThan(500_000);
    expect(script).not.toContain('cdn.redoc.ly');
  });

  it('leaves the description cacheable and every other /v1 answer no-store', async () => {
    const t = testApp();
    expect((await t.call('GET', '/v1/openapi.json')).headers.get('cache-control')).toBe('public, max-age=300');
    expect((await t.call('GET', '/v1/docs')).headers.get('cache-control')).toBe('no-store');
  });
});
