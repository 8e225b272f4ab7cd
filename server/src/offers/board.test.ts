/**
 * The offer board: keyword search (q), place and the other filters of
 * GET /v1/offers, bad input, and reading signed out where the institution
 * opened the board to visitors.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testApp as demoApp, sampleOfferBody, type TestApp } from '../testing.ts';
import { auditLog, companies, offers, offerTargets } from '../db/tables/index.ts';
import { setOffersOpenToVisitors } from './visitors.ts';
import { NARROW_SEARCH } from './queries/list.ts';
import { withTransaction } from '../db/transaction.ts';

type Json = Record<string, unknown>;
type Listed = { id: string; title: string; company: { name: string } };
let keys = 0;

/** The demo app without the demo offers, and four published offers of its own (staff of the École d'ingénieurs publish directly). */
async function board(): Promise<{ t: TestApp; staff: string; ids: Record<'robot' | 'data' | 'audit' | 'abroad', string> }> {
  const t = demoApp();
  await t.db.delete(offerTargets).run();
  await t.db.delete(offers).run();
  const staff = await t.signIn('staff-eng');
  const { acme, globex, initech } = t.ids.demo.companies;
  const engineering = [t.ids.demo.entities.engineering];
  const post = async (companyId: string, over: Json) => {
    const res = await t.call('POST', '/v1/offers', { token: staff, body: sampleOfferBody({ companyId, targetEntityIds: engineering }, { submit: true, ...over }), headers: { 'idempotency-key': `board-${++keys}` } });
    const body = (await res.json()) as Json;
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body.status).toBe('published');
    return body.id as string;
  };
  const ids = {
    robot: await post(acme, { title: 'Stage robotique mobile', description: 'Rejoignez **l’équipe** R&D : ROS 2 et C++.', location: 'Lyon', remote: 'hybrid', startDate: '2026-04-01' }),
    data: await post(globex, { title: 'Ingénieur données', description: 'Analyse de données pour nos clients.', location: 'Paris 11e', remote: 'remote', startDate: '2026-09-01', kind: 'fixed_term', stipend: null, duration: { amount: 12, unit: 'months' } }),
    audit: await post(initech, { title: 'Stage audit qualité', description: 'Contrôle qualité logiciel.', location: 'Saint-Étienne', remote: 'onsite', startDate: '2026-03-02' }),
    abroad: await post(acme, { title: 'Volontariat international', description: 'Mission à Montréal, développement embarqué.', location: 'Montréal', kind: 'international_volunteering', stipend: null, duration: { amount: 12, unit: 'months' } }),
  };
  return { t, staff, ids };
}

async function list(t: TestApp, query: string, token?: string) {
  const res = await t.call('GET', `/v1/offers${query}`, token ? { token } : {});
  const body = (await res.json()) as Json;
  return { status: res.status, body, titles: res.status === 200 ? (body.items as Listed[]).map((o) => o.title).sort() : [] };
}

describe('GET /v1/offers: keyword search (q)', () => {
  it('matches the title, the description and the company’s name, every word, each as a prefix', async () => {
    const { t, staff } = await board();
    expect((await list(t, '?q=mobile', staff)).titles).toEqual(['Stage robotique mobile']);
    expect((await list(t, '?q=robotique', staff)).titles).toEqual(['Stage robotique mobile', 'Volontariat international']);
    expect((await list(t, '?q=clients', staff)).titles).toEqual(['Ingénieur données']);
    expect((await list(t, '?q=Initech', staff)).titles).toEqual(['Stage audit qualité']);
    expect((await list(t, '?q=acme', staff)).titles).toEqual(['Stage robotique mobile', 'Volontariat international']);
    expect((await list(t, '?q=stage%20qual', staff)).titles).toEqual(['Stage audit qualité']);
    expect((await list(t, '?q=stage%20donnees', staff)).titles).toEqual([]);
  });

  it('ignores case and accents on both sides', async () => {
    const { t, staff } = await board();
    expect((await list(t, '?q=INGENIEUR%20DONNEES', staff)).titles).toEqual(['Ingénieur données']);
    expect((await list(t, `?q=${encodeURIComponent('équipe')}`, staff)).titles).toEqual(['Stage robotique mobile']);
    expect((await list(t, `?q=${encodeURIComponent('Qualité')}`, staff)).titles).toEqual(['Stage audit qualité']);
  });

  it('reads nothing typed as search syntax', async () => {
    const { t, staff } = await board();
    for (const q of ['"', 'stage OR', 'title:robot*', 'NEAR(a b)', '-', '*']) {
      const res = await list(t, `?q=${encodeURIComponent(q)}`, staff);
      expect(res.status, q).toBe(200);
    }
    expect((await list(t, `?q=${encodeURIComponent('robotique OR audit')}`, staff)).titles).toEqual([]);
    expect((await list(t, `?q=${encodeURIComponent('?!')}`, staff)).titles).toEqual([]);
  });

  it('follows a company’s new name and an edited offer', async () => {
    const { t, staff, ids } = await board();
    await t.db.update(companies).set({ name: 'Acme Automates' }).where(eq(companies.id, t.ids.demo.companies.acme)).run();
    expect((await list(t, '?q=automates', staff)).titles).toEqual(['Stage robotique mobile', 'Volontariat international']);
    expect((await list(t, '?q=acme%20robotique', staff)).titles).toEqual(['Stage robotique mobile']);
    const etag = (await t.call('GET', `/v1/offers/${ids.audit}`, { token: staff })).headers.get('etag')!;
    const edit = await t.call('PATCH', `/v1/offers/${ids.audit}`, { token: staff, body: { title: 'Stage tests automatisés' }, headers: { 'if-match': etag } });
    expect(edit.status).toBe(200);
    expect((await list(t, '?q=audit', staff)).titles).toEqual([]);
    expect((await list(t, '?q=tests%20automatises', staff)).titles).toEqual(['Stage tests automatisés']);
  });

  it('pages a search like the list: every match once', async () => {
    const { t, staff } = await board();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(t, `?q=stage&limit=1${cursor ? `&cursor=${cursor}` : ''}`, staff);
      expect(page.status).toBe(200);
      seen.push(...(page.body.items as Listed[]).map((o) => o.title));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(seen.sort()).toEqual(['Stage audit qualité', 'Stage robotique mobile']);
  });
});

describe('GET /v1/offers: a broad search', () => {
  it('above NARROW_SEARCH matches, pages every match once and leaves the others out', async () => {
    const { t, staff, ids } = await board();
    const model = (await t.db.select().from(offers).where(eq(offers.id, ids.audit)).get())!;
    const extra = NARROW_SEARCH + 50;
    await withTransaction(t, async (tx) => {
      for (let i = 0; i < extra; i++) {
        const id = crypto.randomUUID();
        // Every third is in another town, every fifth a draft: the search must still test each row.
        (await tx.insert(offers).values({ ...model, id, title: `Stage numéro ${i}`, location: i % 3 === 0 ? 'Nantes' : 'Lyon', status: i % 5 === 0 ? 'draft' : 'published' }).run());
        (await tx.insert(offerTargets).values({ tenantId: model.tenantId, offerId: id, entityId: t.ids.demo.entities.engineering }).run());
      }
    });
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(t, `?q=stage&place=lyon&limit=100${cursor ? `&cursor=${cursor}` : ''}`, staff);
      expect(page.status).toBe(200);
      for (const o of page.body.items as Listed[]) {
        expect(seen.has(o.id)).toBe(false);
        seen.add(o.id);
      }
      cursor = page.body.nextCursor as string | null;
      pages++;
    } while (cursor);
    const lyonPublished = Array.from({ length: extra }, (_, i) => i).filter((i) => i % 3 !== 0 && i % 5 !== 0).length;
    // The robot internship is in Lyon too.
    expect(seen.size).toBe(lyonPublished + 1);
    expect(pages).toBe(Math.ceil((lyonPublished + 1) / 100));
  });
});

describe('GET /v1/offers: filters', () => {
  it('place, kind, school, remote and start date narrow the list, together with q', async () => {
    const { t, staff } = await board();
    expect((await list(t, `?place=${encodeURIComponent('saint etienne')}`, staff)).titles).toEqual(['Stage audit qualité']);
    expect((await list(t, '?place=paris', staff)).titles).toEqual(['Ingénieur données']);
    expect((await list(t, '?place=montreal', staff)).titles).toEqual(['Volontariat international']);
    expect((await list(t, '?place=lyon&q=audit', staff)).titles).toEqual([]);
    expect((await list(t, '?kind=fixed_term', staff)).titles).toEqual(['Ingénieur données']);
    expect((await list(t, '?remote=onsite', staff)).titles).toEqual(['Stage audit qualité']);
    expect((await list(t, '?startFrom=2026-04-02', staff)).titles).toEqual(['Ingénieur données']);
    expect((await list(t, `?entity=${t.ids.demo.entities.engineering}&q=stage`, staff)).titles).toEqual(['Stage audit qualité', 'Stage robotique mobile']);
    expect((await list(t, `?entity=${t.ids.demo.entities.management}`, staff)).titles).toEqual([]);
  });

  it('bad input is a 400 problem naming the field and the code; an unknown key is refused, not ignored', async () => {
    const { t, staff } = await board();
    const cases: [string, string, string][] = [
      ['?q=', 'q', 'validation.required'],
      [`?q=${'a'.repeat(201)}`, 'q', 'validation.tooLong'],
      ['?place=%20%20', 'place', 'validation.required'],
      ['?kind=job', 'kind', 'validation.notOneOf'],
      ['?remote=sometimes', 'remote', 'validation.notOneOf'],
      ['?startFrom=2026-02-30', 'startFrom', 'validation.dateNotReal'],
      ['?entity=engineering', 'entity', 'validation.id'],
      ['?search=robot', 'search', 'validation.unknownKey'],
      ['?tenant=Not%20A%20Slug', 'tenant', 'validation.slug'],
    ];
    for (const [query, path, code] of cases) {
      const res = await t.call('GET', `/v1/offers${query}`, { token: staff });
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await res.json()) as { errors: { path: string; code: string }[] };
      expect(problem.errors, query).toEqual([expect.objectContaining({ path, code })]);
    }
  });

  it('a session’s reader may not name another institution', async () => {
    const { t, staff } = await board();
    const res = await list(t, '?tenant=other', staff);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'tenant', code: 'request.tenantMismatch' })]);
    expect((await list(t, '?tenant=demo&q=mobile', staff)).titles).toEqual(['Stage robotique mobile']);
  });
});

describe('the board signed out', () => {
  it('is refused until the institution opens it; then published offers only, and one at a time', async () => {
    const { t, staff, ids } = await board();
    const closed = await t.call('GET', '/v1/offers?tenant=demo', { headers: { 'accept-language': 'fr' } });
    expect(closed.status).toBe(401);
    expect(await closed.json()).toMatchObject({ code: 'policy.offerBoardSignIn', detail: expect.stringContaining('Connectez-vous') });
    expect((await t.call('GET', `/v1/offers/${ids.robot}?tenant=demo`)).status).toBe(401);
    expect((await t.call('GET', '/v1/offers')).status).toBe(401);

    const at = t.clock.now().toISOString();
    expect(await setOffersOpenToVisitors(t.db, t.ids.demo.tenantId, true, { actorId: null, origin: 'test', at })).toEqual({ before: false, after: true });
    expect((await t.db.select().from(auditLog).where(eq(auditLog.action, 'institution.offersOpenToVisitors')).all())).toHaveLength(1);

    expect((await list(t, '?tenant=demo&q=acme')).titles).toEqual(['Stage robotique mobile', 'Volontariat international']);
    const one = await t.call('GET', `/v1/offers/${ids.robot}?tenant=demo`);
    expect(one.status).toBe(200);
    const offer = (await one.json()) as Json;
    expect(offer).toMatchObject({ title: 'Stage robotique mobile', apply: 'https://acme-robotique.fr/stages' });
    expect(offer).not.toHaveProperty('authorId');

    // A draft stays its author's; the other institution's board stays closed; nothing else opens.
    const draft = await t.call('POST', '/v1/offers', { token: staff, body: sampleOfferBody({ companyId: t.ids.demo.companies.acme, targetEntityIds: [t.ids.demo.entities.engineering] }), headers: { 'idempotency-key': `board-${++keys}` } });
    expect((await t.call('GET', `/v1/offers/${((await draft.json()) as Json).id as string}?tenant=demo`)).status).toBe(404);
    expect((await list(t, '?tenant=other')).status).toBe(401);
    expect((await list(t, '?tenant=demo&mine=true')).status).toBe(401);
    expect((await list(t, '?tenant=demo&queue=true')).status).toBe(401);
    expect((await t.call('GET', '/v1/offers/parameters?tenant=demo')).status).toBe(401);
    expect((await t.call('POST', '/v1/offers?tenant=demo', { body: {}, headers: { 'idempotency-key': 'visitor' } })).status).toBe(401);
    expect((await list(t, '?tenant=nowhere')).status).toBe(401);
  });

  it('from a browser, only from an origin the institution registered', async () => {
    const { t } = await board();
    await setOffersOpenToVisitors(t.db, t.ids.demo.tenantId, true, { actorId: null, origin: 'test', at: t.clock.now().toISOString() });
    expect((await t.call('GET', '/v1/offers?tenant=demo', { headers: { origin: 'http://localhost:5173' } })).status).toBe(200);
    const elsewhere = await t.call('GET', '/v1/offers?tenant=demo', { headers: { origin: 'http://localhost:5174' } });
    expect(elsewhere.status).toBe(403);
    expect(await elsewhere.json()).toMatchObject({ code: 'auth.originUnregistered' });
  });
});
