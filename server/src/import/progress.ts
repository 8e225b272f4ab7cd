/**
 * Progress on stderr while lines are imported: on a terminal a bar redrawn in
 * place with lines/s and the time left; elsewhere (a log, CI) a plain line at
 * every 10 %. The summary goes to stdout, so `> summary.txt` keeps it clean.
 */
export interface Progress {
  /** Called after each line, with how many are done. */
  tick(done: number): void;
  /** The last redraw and a newline. */
  end(done: number): void;
}

interface Output {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export const silentProgress: Progress = { tick() {}, end() {} };

const seconds = (s: number) => (s >= 60 ? `${Math.floor(s / 60)} min ${String(Math.round(s % 60)).padStart(2, '0')} s` : `${Math.ceil(s)} s`);

export function progressOn(out: Output, total: number, label: string, now: () => number = () => performance.now()): Progress {
  const start = now();
  const rate = (done: number) => done / Math.max((now() - start) / 1000, 0.001);
  if (total === 0) return silentProgress;
  if (out.isTTY) {
    let last = -Infinity;
    const draw = (done: number) => {
      const perSecond = rate(done);
      const left = done > 0 ? seconds((total - done) / perSecond) : '…';
      const text = ` ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${label}, ${Math.round(perSecond).toLocaleString('en')}/s, ${left} left`;
      const width = Math.max(10, Math.min(40, (out.columns ?? 80) - text.length - 8));
      const filled = Math.round((done / total) * width);
      out.write(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor((done / total) * 100)).padStart(3)} %${text}`);
    };
    return {
      tick(done) {
        const t = now();
        if (t - last < 100 && done < total) return;
        last = t;
        draw(done);
      },
      end(done) {
        draw(done);
        out.write('\n');
      },
    };
  }
  let next = 1;
  let printed = -1;
  const line = (done: number) => {
    printed = done;
    out.write(`${Math.floor((done / total) * 100)} % (${done}/${total} ${label}, ${Math.round(rate(done))}/s)\n`);
  };
  return {
    tick(done) {
      if (done * 10 < next * total) return;
      while (done * 10 >= next * total) next++;
      line(done);
    },
    end(done) {
      if (printed !== done) line(done);
    },
  };
}
