import { expect } from '@open-wc/testing';
import { headers, newIdempotencyKey } from './client.ts';
import { createClient } from './create-client.ts';
import { ApiError } from './api-error.ts';
import { apiConfig, sessionToken } from '../testing/index.ts';

describe('createClient', () => {
  it('turns problem+json into a typed ApiError', async () => {
    const { api } = await apiConfig();
    const client = createClient({ api, token: () => null });
    const error = await client.json(client.rpc.me.$get()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(ApiError);
    const e = error as ApiError;
    expect(e.status).to.equal(401);
    expect(e.problem.type).to.equal('https://passerelle.dev/problems/unauthenticated');
    expect(e.fieldErrors).to.deep.equal([]);
    expect(e.isNetwork).to.equal(false);
  });

  it('gives field errors of a 400 and never echoes the input', async () => {
    const { api } = await apiConfig();
    const client = createClient({ api, token: () => null });
    const e = (await client.rpc.auth.verify.$post({ json: { tenant: 'demo', email: 'x', code: '12' } }).catch((err: unknown) => err)) as ApiError;
    expect(e.status).to.equal(400);
    expect(e.fieldErrors.map((f) => f.path).sort()).to.deep.equal(['code', 'email']);
  });

  it('reports an unreachable API as a network error (status 0)', async () => {
    const client = createClient({ api: 'http://127.0.0.1:9', token: () => null });
    const e = (await client.json(client.rpc.me.$get()).catch((err: unknown) => err)) as ApiError;
    expect(e).to.be.instanceOf(ApiError);
    expect(e.isNetwork).to.equal(true);
  });

  it('sends the bearer token, and call() answers the typed body with its status', async () => {
    const { api } = await apiConfig();
    const token = await sessionToken('staff-eng');
    const client = createClient({ api: `${api}/`, token: () => token });
    const res = await client.call(client.rpc.me.$get());
    const status: 200 = res.status;
    expect(status).to.equal(200);
    expect(res.data.person.displayName).to.be.a('string');
    const typed = await client.json(client.rpc.me.$get());
    expect(typed.person.id).to.equal(res.data.person.id);
  });

  it('call() gives the Location and ETag a form needs: one offer per Idempotency-Key, If-Match refuses a stale ETag', async () => {
    const { api } = await apiConfig();
    const token = await sessionToken('rep-acme');
    const client = createClient({ api, token: () => token });
    const me = await client.json(client.rpc.me.$get());
    const companyId = me.memberships.find((m) => m.role === 'company_rep')?.companyId;
    const { targets } = await client.json(client.rpc.offers.parameters.$get());
    if (!companyId || !targets[0]) throw new Error('The demo has a representative of Acme and entities to aim at.');
    const body = { companyId, title: `Stage ${crypto.randomUUID().slice(0, 8)}`, kind: 'internship' as const, targetEntityIds: [targets[0].id] };
    const key = newIdempotencyKey();

    const created = await client.call(client.rpc.offers.$post({ json: body }, headers({ idempotencyKey: key })));
    const status: 201 = created.status;
    expect(status).to.equal(201);
    expect(created.data.title).to.equal(body.title);
    expect(created.data.status).to.equal('draft');
    expect(created.location).to.equal(`/v1/offers/${created.data.id}`);
    expect(created.etag).to.be.a('string');
    const again = await client.call(client.rpc.offers.$post({ json: body }, headers({ idempotencyKey: key })));
    expect(again.data.id).to.equal(created.data.id);

    const read = await client.call(client.rpc.offers[':id'].$get({ param: { id: created.data.id } }));
    expect(read.etag).to.equal(created.etag);
    const edited = await client.call(client.rpc.offers[':id'].$patch({ param: { id: read.data.id }, json: { title: `${body.title} (modifié)` } }, headers({ ifMatch: read.etag ?? '' })));
    expect(edited.data.title).to.equal(`${body.title} (modifié)`);
    expect(edited.etag).to.be.a('string').and.not.equal(read.etag);
    const stale = await client.call(client.rpc.offers[':id'].$patch({ param: { id: read.data.id }, json: { title: 'Trop tard' } }, headers({ ifMatch: read.etag ?? '' }))).catch((e: unknown) => e);
    expect(stale).to.be.instanceOf(ApiError);
    expect((stale as ApiError).status).to.equal(412);
    expect((await client.json(client.rpc.offers[':id'].$get({ param: { id: read.data.id } }))).title).to.equal(`${body.title} (modifié)`);
  });

  it('has no untyped escape hatch: every call goes through the typed routes', () => {
    const client = createClient({ api: 'http://127.0.0.1:9', token: () => null });
    expect(Object.keys(client).sort()).to.deep.equal(['api', 'call', 'json', 'rpc']);
  });

  it('renews once on a 401 and retries with the new token', async () => {
    const { api } = await apiConfig();
    let token = 'revoked-or-expired';
    let renewals = 0;
    const client = createClient({
      api,
      token: () => token,
      onUnauthorized: async () => {
        renewals++;
        token = await sessionToken('alumna-claire');
        return token;
      },
    });
    const me = await client.json(client.rpc.me.$get());
    expect(renewals).to.equal(1);
    expect(me.person.displayName).to.equal('Claire Dubois');
  });

  it('writes each call as the Hono client did: path parameters, the query without its undefined values, the method and JSON body', async () => {
    const seen: { url: string; method: string | undefined; body: unknown }[] = [];
    const client = createClient({
      api: 'https://api.example.org/',
      token: () => null,
      fetch: async (input, init) => {
        seen.push({ url: String(input), method: init?.method, body: init?.body });
        return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
      },
    });
    const id = crypto.randomUUID();
    await client.rpc.companies[':id'].representatives.$get({ param: { id }, query: { limit: '20', cursor: undefined } });
    await client.rpc.companies.$get({ query: { q: 'école & co', limit: '8' } });
    await client.rpc.offers[':id'].$patch({ param: { id }, json: { title: 'Stage' } });
    expect(seen).to.deep.equal([
      { url: `https://api.example.org/v1/companies/${id}/representatives?limit=20`, method: 'GET', body: undefined },
      { url: 'https://api.example.org/v1/companies?q=%C3%A9cole+%26+co&limit=8', method: 'GET', body: undefined },
      { url: `https://api.example.org/v1/offers/${id}`, method: 'PATCH', body: '{"title":"Stage"}' },
    ]);
  });

  it('adds Idempotency-Key and If-Match when asked, and never sends cookies', async () => {
    const seen: { headers: Headers; credentials: RequestCredentials | undefined }[] = [];
    const { api } = await apiConfig();
    const client = createClient({
      api,
      token: () => 'abc',
      fetch: (input, init) => {
        seen.push({ headers: new Headers(init?.headers), credentials: init?.credentials });
        return fetch(input, init);
      },
    });
    const key = newIdempotencyKey();
    await client.rpc.profiles[':id'].$patch({ param: { id: crypto.randomUUID() }, json: { bio: 'x' } }, headers({ idempotencyKey: key, ifMatch: '"v1"' })).catch(() => undefined);
    await client.rpc.auth.logout.$post({}, headers({ ifMatch: '"v2"' })).catch(() => undefined);
    expect(seen[0]!.headers.get('idempotency-key')).to.equal(key);
    expect(seen[0]!.headers.get('if-match')).to.equal('"v1"');
    expect(seen[0]!.headers.get('authorization')).to.equal('Bearer abc');
    expect(seen[0]!.headers.get('content-type')).to.equal('application/json');
    expect(seen[0]!.credentials).to.equal('omit');
    expect(seen[1]!.headers.get('if-match')).to.equal('"v2"');
    expect(headers({})).to.deep.equal({ headers: {} });
  });
});
