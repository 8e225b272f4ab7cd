import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testApp } from '../testing.ts';
import { sayIn } from '@passerelle/schema/messages/staff';
import { addOrigin } from '../cli/tenant.ts';
import { memoryDatabase, migrateDatabase, openDatabase, type Db } from './open.ts';
import { withTransaction } from './transaction.ts';
import { institutionOrigins, insertInstitution, setInstitutionOrigins } from '../tenancy/queries/institutions.ts';
import { cacheOf, untilChange } from './until-change.ts';
import { usedTokenIds } from '../auth/tables.ts';

const NEW_ORIGIN = 'https://alumni.example.org';

describe('what is kept until the database changes', () => {
  it('honours an origin added through the CLI at once', async () => {
    const t = testApp();
    const token = await t.signIn('student-ines');
    // Refused first, so that the refused state is what the process keeps.
    const before = await t.call('GET', '/v1/profiles/me', { token, headers: { origin: NEW_ORIGIN } });
    expect(before.status).toBe(403);
    expect(before.headers.get('access-control-allow-origin')).toBeNull();
    await addOrigin(t.db, sayIn('en'), 'demo', NEW_ORIGIN);
    const after = await t.call('GET', '/v1/profiles/me', { token, headers: { origin: NEW_ORIGIN } });
    expect(after.status).toBe(200);
    expect(after.headers.get('access-control-allow-origin')).toBe(NEW_ORIGIN);
  });

  it('refuses a signed-out session at once', async () => {
    const t = testApp();
    const token = await t.signIn('student-ines');
    expect((await t.call('GET', '/v1/profiles/me', { token })).status).toBe(200);
    expect((await t.call('POST', '/v1/auth/logout', { token, body: {} })).status).toBeLessThan(300);
    expect((await t.call('GET', '/v1/profiles/me', { token })).status).toBe(401);
  });

  describe('with another connection to the same file (the CLI in its own process)', () => {
    const dirs: string[] = [];
    afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

    it('reads again what the other connection changed, from the next turn of the event loop (the next request) on', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'passerelle-until-change-'));
      dirs.push(dir);
      const file = join(dir, 'db.sqlite');
      const server = openDatabase(file);
      const cli = openDatabase(file);
      try {
        migrateDatabase(server.db);
        const id = await insertInstitution(server.db, { slug: 'x', name: 'X', allowedOrigins: [], createdAt: new Date().toISOString() });
        const read = () => untilChange(server.db, `origins:${id}`, () => institutionOrigins(server.db, id));
        expect(await read()).toEqual([]);
        // What the other connection writes elsewhere leaves what is kept as it was.
        let loads = 0;
        const counted = () => untilChange(server.db, 'counted', async () => ++loads);
        expect(await counted()).toBe(1);
        await cli.db.insert(usedTokenIds).values({ tenantId: id, jti: 'j1', expiresAt: new Date().toISOString() });
        await new Promise((next) => setImmediate(next));
        expect(await counted()).toBe(1);
        await setInstitutionOrigins(cli.db, id, [NEW_ORIGIN]);
        await new Promise((next) => setImmediate(next));
        expect(await read()).toEqual([NEW_ORIGIN]);
        expect(await counted()).toBe(2);
      } finally {
        cli.close();
        server.close();
      }
    });

    it('never serves inside a transaction what it kept outside', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'passerelle-until-change-'));
      dirs.push(dir);
      const { db, close } = openDatabase(join(dir, 'db.sqlite'));
      try {
        migrateDatabase(db);
        const id = await insertInstitution(db, { slug: 'x', name: 'X', allowedOrigins: [], createdAt: new Date().toISOString() });
        const read = (handle: Db) => untilChange(handle, `origins:${id}`, () => institutionOrigins(handle, id));
        expect(await read(db)).toEqual([]);
        await expect(
          withTransaction({ db }, async (tx) => {
            await setInstitutionOrigins(tx, id, [NEW_ORIGIN]);
            expect(await read(tx)).toEqual([NEW_ORIGIN]);
            throw new Error('changed my mind');
          }),
        ).rejects.toThrow('changed my mind');
        expect(await read(db)).toEqual([]);
      } finally {
        close();
      }
    });
  });

  describe('the cache behind it (ReadCache)', () => {
    it('keeps a value until told that something changed (forget), then loads it again', async () => {
      const db = memoryDatabase();
      let loads = 0;
      const read = () => untilChange(db, 'k', async () => ++loads);
      expect(await read()).toBe(1);
      expect(await read()).toBe(1);
      cacheOf(db)!.forget({ what: 'origins', tenantId: null });
      expect(await read()).toBe(2);
    });

    it('does not keep a value read while a write happened: it may predate the write', async () => {
      const db = memoryDatabase();
      let loads = 0;
      const during = untilChange(db, 'k', async () => {
        const value = ++loads;
        // Another request's write lands while this load awaits.
        await insertInstitution(db, { slug: `w${value}`, name: 'W', allowedOrigins: [], createdAt: new Date().toISOString() });
        return value;
      });
      expect(await during).toBe(1);
      expect(await untilChange(db, 'k', async () => ++loads)).toBe(2);
      expect(await untilChange(db, 'k', async () => ++loads)).toBe(2);
    });

    it('keeps a value across writes to what it does not keep, and loads it again after a write to what it keeps', async () => {
      const db = memoryDatabase();
      const tenantId = await insertInstitution(db, { slug: 'x', name: 'X', allowedOrigins: [], createdAt: new Date().toISOString() });
      let loads = 0;
      const read = () => untilChange(db, 'k', async () => ++loads);
      expect(await read()).toBe(1);
      // An identity token's id remembered: this connection wrote, to nothing kept.
      await db.insert(usedTokenIds).values({ tenantId, jti: 'j1', expiresAt: new Date().toISOString() });
      expect(await read()).toBe(1);
      await setInstitutionOrigins(db, tenantId, [NEW_ORIGIN]);
      expect(await read()).toBe(2);
      expect(await read()).toBe(2);
    });

    it('is not used inside a transaction', async () => {
      const db = memoryDatabase();
      await withTransaction({ db }, async (tx) => expect(cacheOf(tx)).toBeUndefined());
      expect(cacheOf(db)).toBeDefined();
    });
  });
});
