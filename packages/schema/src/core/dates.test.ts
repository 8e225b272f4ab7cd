import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { isRealDate } from './common.ts';
import { IsoDateSchema } from '../offers/offer.ts';
import { PledgeDateSchema } from '../pledges/parameters.ts';

describe('calendar dates', () => {
  it('are days of the calendar that both engines store: no 31 February, no year 0', () => {
    for (const day of ['2026-03-02', '2024-02-29', '0001-01-01', '9999-12-31']) expect(isRealDate(day), day).toBe(true);
    for (const day of ['2026-02-31', '2025-02-29', '2026-13-01', '0000-01-01', '0000-12-31']) expect(isRealDate(day), day).toBe(false);
  });

  it('are what the offers’, the audit’s and the pledges’ date fields take, with the same code for one that does not exist', () => {
    for (const schema of [IsoDateSchema, PledgeDateSchema]) {
      expect(v.is(schema, '2026-03-02')).toBe(true);
      for (const day of ['2026-02-31', '0000-01-01']) {
        const result = v.safeParse(schema, day);
        expect(result.success, day).toBe(false);
        expect(result.issues?.[0]?.message).toBe('validation.dateNotReal');
      }
    }
  });
});
