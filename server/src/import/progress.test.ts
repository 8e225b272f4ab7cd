import { describe, expect, it } from 'vitest';
import { progressOn } from './progress.ts';

const sink = (isTTY: boolean) => {
  const written: string[] = [];
  return { out: { isTTY, columns: 100, write: (s: string) => written.push(s) }, written };
};

describe('import progress', () => {
  it('prints a plain line at every 10 % when stderr is not a terminal', () => {
    const { out, written } = sink(false);
    let t = 0;
    const p = progressOn(out, 20, 'lines', () => (t += 100));
    for (let done = 1; done <= 20; done++) p.tick(done);
    p.end(20);
    expect(written).toHaveLength(10);
    expect(written[0]).toMatch(/^10 % \(2\/20 lines, \d+\/s\)\n$/);
    expect(written.at(-1)).toMatch(/^100 % \(20\/20 lines/);
  });

  it('redraws one bar in place on a terminal, with the rate and the time left', () => {
    const { out, written } = sink(true);
    let t = 0;
    const p = progressOn(out, 1000, 'lines', () => t);
    // 1,000 lines in 10 s of the clock: 100 lines/s.
    for (let done = 1; done <= 1000; done++) {
      t = done * 10;
      p.tick(done);
    }
    p.end(1000);
    // At most one redraw per 100 ms of the clock, each starting with a carriage return.
    expect(written.length).toBeLessThanOrEqual(103);
    expect(written.every((s) => s.startsWith('\r\x1b[2K[') || s === '\n')).toBe(true);
    expect(written[50]).toMatch(/\[#+\.+\]  50 % 501\/1,000 lines, 100\/s, 5 s left$/);
    expect(written.at(-2)).toMatch(/\[#+\] 100 % 1,000\/1,000 lines/);
    expect(written.at(-1)).toBe('\n');
  });
});
