/**
 * GET /v1/profiles by sector, city of work and availability: matched without
 * accents or case, only on what the caller may see, and refused as a
 * problem with field paths and codes when malformed. (The row-by-row model
 * of every reader is in directory.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { ProfileView } from '@passerelle/schema';
import { testApp } from '../testing.ts';

type Page = { items: ProfileView[]; nextCursor: string | null };
type Problem = { status: number; code: string; errors: { path: string; code: string }[] };

describe('GET /v1/profiles by sector, city and availability', () => {
  // Claire (demo seed): sector Conseil, works in Lyon, open to mentoring and talks; city and availability shown to the network.
  const t = testApp();
  const claire = t.ids.demo.people['alumna-claire'];
  const ids = async (sub: 'student-ines' | 'rep-acme' | 'staff-mgmt', query: string) => {
    const res = await t.call('GET', `/v1/profiles?${query}`, { token: await t.signIn(sub) });
    expect(res.status).toBe(200);
    return ((await res.json()) as Page).items.map((p) => p.id);
  };

  it('finds a member of the network by a prefix of her sector and city, whatever the accents and case, and by what she is open to', async () => {
    expect(await ids('student-ines', 'sector=CONS&city=lyo')).toEqual([claire]);
    expect(await ids('student-ines', 'mentoring=true&talks=true')).toEqual([claire]);
    expect(await ids('student-ines', 'sector=énergie')).toEqual([]);
    expect(await ids('student-ines', 'city=paris')).toEqual([]);
    expect(await ids('student-ines', 'mentoring=true&hiringInterns=true')).toEqual([]);
  });

  it('does not match what the caller may not see: a company representative reads only public fields', async () => {
    expect(await ids('rep-acme', 'city=lyon')).toEqual([]);
    expect(await ids('rep-acme', 'mentoring=true')).toEqual([]);
    expect(await ids('rep-acme', 'employer=globex')).toEqual([claire]);
  });

  it('refuses malformed filters as a problem with their paths and codes', async () => {
    const token = await t.signIn('student-ines');
    for (const [query, path, code] of [
      ['mentoring=yes', 'mentoring', 'validation.notOneOf'],
      ['graduationYear=1800', 'graduationYear', 'validation.year'],
      ['graduationYear=19', 'graduationYear', 'validation.year'],
      ['sector=', 'sector', 'validation.required'],
      [`city=${'x'.repeat(101)}`, 'city', 'validation.tooLong'],
    ] as const) {
      const res = await t.call('GET', `/v1/profiles?${query}`, { token });
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      const problem = (await res.json()) as Problem;
      expect(problem.errors.map((e) => [e.path, e.code]), query).toEqual([[path, code]]);
    }
  });
});
