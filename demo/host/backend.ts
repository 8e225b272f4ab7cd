import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Connect, Plugin } from 'vite';
import { ANONYMOUS, DEFAULT_SUB, HOST_PEOPLE, findPerson, type HostPerson } from './people.ts';
import { signIdentityToken } from './sign.ts';

/**
 * The institution's own back end, reduced to what Passerelle needs from it:
 * who is signed in on the host site (a host-site cookie, as with any SSO),
 * a way to change that (the demo's role switcher stands in for the login
 * page), and an endpoint that signs a short-lived identity token for the
 * signed-in person. Served under `/host/` by the Vite dev server.
 */
const COOKIE = 'demo_host_person';

/** Signs the cookie so a visitor cannot become someone else by editing it (a real site would do no less). */
function cookieCodec() {
  const key = randomBytes(32);
  const mac = (value: string) => createHmac('sha256', key).update(value).digest('base64url');
  return {
    encode: (sub: string) => `${sub}.${mac(sub)}`,
    decode(raw: string | undefined): string | undefined {
      if (!raw) return undefined;
      const dot = raw.lastIndexOf('.');
      const sub = raw.slice(0, dot);
      const given = Buffer.from(raw.slice(dot + 1));
      const expected = Buffer.from(mac(sub));
      return dot > 0 && given.length === expected.length && timingSafeEqual(given, expected) ? sub : undefined;
    },
  };
}

function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > 4096) throw new Error('body too large');
  }
  return body;
}

const publicPerson = (p: HostPerson) => ({ sub: p.sub, name: p.name, email: p.email, label: p.label });

export function hostBackend(): Plugin {
  const cookie = cookieCodec();
  /** The signed-in person; `null` when the visitor chose "not signed in". */
  const current = (req: IncomingMessage): HostPerson | null => {
    const sub = cookie.decode(readCookie(req, COOKIE)) ?? DEFAULT_SUB;
    return sub === ANONYMOUS ? null : (findPerson(sub) ?? null);
  };

  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://host.invalid');
    if (!url.pathname.startsWith('/host/')) return next();
    void (async () => {
      if (req.method === 'GET' && url.pathname === '/host/session') {
        const person = current(req);
        return send(res, 200, { person: person && publicPerson(person), people: HOST_PEOPLE.map(publicPerson), anonymous: ANONYMOUS });
      }
      if (req.method === 'GET' && url.pathname === '/host/identity-token') {
        const person = current(req);
        if (!person) return send(res, 401, { error: 'Nobody is signed in on the host site.' });
        const token = signIdentityToken({ sub: person.sub, email: person.email, name: person.name, affiliation: person.affiliation });
        return send(res, 200, { token });
      }
      if (req.method === 'POST' && url.pathname === '/host/switch') {
        // Only this site's own pages may switch the person (a cross-site form post would otherwise log people in and out).
        const origin = req.headers.origin;
        if (origin && new URL(origin).host !== req.headers.host) return send(res, 403, { error: 'Cross-site request refused.' });
        const form = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
        let sub: unknown;
        try {
          const body = await readBody(req);
          sub = form ? new URLSearchParams(body).get('sub') : (JSON.parse(body) as { sub?: unknown }).sub;
        } catch {
          return send(res, 400, { error: 'Send {"sub": "<person>"}.' });
        }
        if (typeof sub !== 'string' || (sub !== ANONYMOUS && !findPerson(sub))) return send(res, 400, { error: `Unknown person. One of: ${[ANONYMOUS, ...HOST_PEOPLE.map((p) => p.sub)].join(', ')}.` });
        res.setHeader('set-cookie', `${COOKIE}=${encodeURIComponent(cookie.encode(sub))}; Path=/; HttpOnly; SameSite=Lax`);
        if (form) {
          // The no-JavaScript path: back to the page the form was on.
          const back = url.searchParams.get('back') ?? '/';
          res.statusCode = 303;
          res.setHeader('location', back.startsWith('/') && !back.startsWith('//') ? back : '/');
          return res.end();
        }
        const person = sub === ANONYMOUS ? null : findPerson(sub)!;
        return send(res, 200, { person: person && publicPerson(person) });
      }
      return send(res, 404, { error: 'No such host endpoint.' });
    })().catch((err: unknown) => next(err));
  };

  return {
    name: 'demo-host-backend',
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
  };
}
