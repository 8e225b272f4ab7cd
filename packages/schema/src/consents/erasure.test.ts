import { describe, expect, it } from 'vitest';
import { erasureDueOn } from './erasure.ts';

describe('erasureDueOn: one month after the request', () => {
  it('is the same day of the next month, across a year too', () => {
    expect(erasureDueOn('2026-03-02T09:00:00.000Z')).toBe('2026-04-02');
    expect(erasureDueOn('2026-12-15T23:59:59.999Z')).toBe('2027-01-15');
  });
  it('is the last day of a shorter month', () => {
    expect(erasureDueOn('2026-01-31T10:00:00.000Z')).toBe('2026-02-28');
    expect(erasureDueOn('2028-01-30T10:00:00.000Z')).toBe('2028-02-29');
    expect(erasureDueOn('2026-03-31T00:00:00.000Z')).toBe('2026-04-30');
  });
});
