import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, institutions } from '../db/tables/index.ts';
import { retentionRule } from '../retention/rule.ts';
import { cliDatabase } from './testing.ts';

const { db, ids, cli: run } = await cliDatabase('retention');
const cli = (args: string[], lang: 'en' | 'fr' = 'en') => run(args, { PASSERELLE_LANG: lang });
const settingsOf = async (tenantId: string) => (await db.select({ settings: institutions.settings }).from(institutions).where(eq(institutions.id, tenantId)).get())?.settings;

// Each CLI run starts a Node process with tsx: seconds on a busy machine.
describe('pnpm passerelle institution set-retention', { timeout: 180_000 }, () => {
  it('sets the years for one institution, says what changed, audits it with the command line as origin; default goes back to 3 years', async () => {
    const five = await cli(['institution', 'set-retention', 'demo', '5']);
    expect(five.stderr).toBe('');
    expect(five.status).toBe(0);
    const rule = await retentionRule(db, ids.demo.tenantId, new Date());
    expect(rule).toMatchObject({ inactiveYears: 5, source: 'institution' });
    expect(five.stdout).toBe(`The retention rule of demo is now 5 years (was 3): people with no activity since ${rule.inactiveSince} are listed to staff for review and anonymisation.\n`);
    expect(await settingsOf(ids.demo.tenantId)).toMatchObject({ retentionInactiveYears: 5 });
    expect(await settingsOf(ids.other.tenantId)).not.toHaveProperty('retentionInactiveYears');

    const again = await cli(['institution', 'set-retention', 'demo', '5'], 'fr');
    expect(again.stdout).toBe('La règle de conservation de demo était déjà de 5 ans : rien n’a changé.\n');

    const back = await cli(['institution', 'set-retention', 'demo', 'default']);
    expect(back.status).toBe(0);
    expect(back.stdout).toContain('is now 3 years (the default) (was 5)');
    expect(await settingsOf(ids.demo.tenantId)).not.toHaveProperty('retentionInactiveYears');

    const entries = await db.select().from(auditLog).where(eq(auditLog.action, 'retention.setRule')).all();
    expect(entries.map((e) => ({ tenantId: e.tenantId, actorId: e.actorId, origin: e.origin, detail: e.detail }))).toEqual([
      { tenantId: ids.demo.tenantId, actorId: null, origin: 'cli:institution', detail: { inactiveYears: { from: 3, to: 5 }, source: { from: 'default', to: 'institution' } } },
      { tenantId: ids.demo.tenantId, actorId: null, origin: 'cli:institution', detail: { inactiveYears: { from: 5, to: 3 }, source: { from: 'institution', to: 'default' } } },
    ]);
  });

  it('refuses a number of years out of 1 to 10 or not a number, and an unknown institution, in one sentence (exit 2); nothing changes', async () => {
    for (const years of ['0', '11', 'three', '2.5']) {
      const run = await cli(['institution', 'set-retention', 'demo', years]);
      expect(run.status).toBe(2);
      expect(run.stderr.trim()).toBe('Say a whole number of years from 1 to 10, or default (3 years): pnpm passerelle institution set-retention demo <years|default>');
    }
    const unknown = await cli(['institution', 'set-retention', 'nowhere', '4']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('nowhere');
    expect(await settingsOf(ids.demo.tenantId)).not.toHaveProperty('retentionInactiveYears');
    expect((await db.select().from(auditLog).where(eq(auditLog.action, 'retention.setRule')).all()).length).toBe(2);
  });
});
