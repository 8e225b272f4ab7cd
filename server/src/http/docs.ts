/**
 * The API describes itself: `GET /v1/openapi.json` (OpenAPI 3.1, built from
 * the app's routes) and `GET /v1/docs`, a reference page drawn by Redoc's
 * standalone bundle, which the API serves itself from node_modules: the page
 * loads nothing from anywhere else, and its Content-Security-Policy allows
 * nothing else.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Hono } from 'hono';
import { ApiDescriptionSchema } from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { buildOpenApi } from './openapi.ts';
import { describeRoute, type FileBody } from './describe.ts';

const require = createRequire(import.meta.url);

export const REDOC_PATH = '/v1/docs/redoc.standalone.js';
/** The bundle's version, in the page's link to it: a new version is a new address, so the file may be cached for good. */
export const REDOC_VERSION = (require('redoc/package.json') as { version: string }).version;

/**
 * Redoc 2.5 draws a "by Redocly" logo from its CDN in the menu's footer; the
 * address is emptied (an `<img src="">` fetches nothing, and Redoc hides it).
 */
const REDOC_CDN_LOGO = 'https://cdn.redoc.ly/redoc/logo-mini.svg';

let bundle: string | undefined;
/** Read once, on the first request for it. */
export function redocBundle(): string {
  bundle ??= readFileSync(require.resolve('redoc/bundles/redoc.standalone.js'), 'utf8').replaceAll(REDOC_CDN_LOGO, '');
  return bundle;
}

/**
 * The inline styles Redoc 2.5.4 writes, allowed by their hashes (no
 * 'unsafe-inline'): the empty `<style>` elements styled-components then fills
 * through the CSSOM, and the scrollbar's stylesheet. Search is turned off:
 * it runs in a worker made from a `blob:` address, which 'self' does not allow.
 * Images: 'self' and the `data:` icons inside the bundle.
 */
const REDOC_STYLE_HASHES = ["'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='", "'sha256-QMIg+bpjm3JdElJ388KYke01izlUW0UoNOeKjpMxdgc='"];
export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'self' ${REDOC_STYLE_HASHES.join(' ')}`,
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// Relative addresses, so that the page works wherever a proxy mounts the API.
const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Passerelle API reference</title>
</head>
<body>
<redoc spec-url="openapi.json" disable-search></redoc>
<script src="docs/redoc.standalone.js?v=${REDOC_VERSION}"></script>
</body>
</html>
`;

const htmlPage: FileBody = { mediaType: 'text/html', description: 'The reference page.' };
const script: FileBody = { mediaType: 'text/javascript', description: 'Redoc’s standalone bundle.' };

/** Mounted at /v1 after every other route, so that the description sees them all. */
export function apiDescriptionRoutes(app: { routes: Parameters<typeof buildOpenApi>[0]['routes'] }) {
  let description: ReturnType<typeof buildOpenApi> | undefined;
  return new Hono<AppEnv>()
    .get(
      '/openapi.json',
      describeRoute({
        operationId: 'getApiDescription',
        summary: 'This API, described as OpenAPI 3.1',
        tags: ['service'],
        public: true,
        cacheable: true,
        answers: { 200: ApiDescriptionSchema },
      }),
      (c) => {
        // Built on the first request: by then every route of the app is mounted.
        description ??= buildOpenApi(app);
        c.header('cache-control', 'public, max-age=300');
        return c.json(description, 200);
      },
    )
    .get('/docs', describeRoute({ operationId: 'getApiReference', summary: 'The API reference, a page for people', tags: ['service'], public: true, answers: { 200: htmlPage } }), (c) => {
      c.header('content-security-policy', DOCS_CSP);
      c.header('x-content-type-options', 'nosniff');
      c.header('referrer-policy', 'no-referrer');
      return c.html(page, 200);
    })
    .get('/docs/redoc.standalone.js', describeRoute({ operationId: 'getApiReferenceScript', summary: 'The reference page’s script (Redoc)', tags: ['service'], public: true, cacheable: true, answers: { 200: script } }), (c) => {
      c.header('content-type', 'text/javascript; charset=utf-8');
      c.header('x-content-type-options', 'nosniff');
      // The page links it with `?v=<version>`: an upgrade is a new address.
      c.header('cache-control', 'public, max-age=31536000, immutable');
      return c.body(redocBundle(), 200);
    });
}
