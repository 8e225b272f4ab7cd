import { describe, expect, it } from 'vitest';
import { exportStream, keysetBatches, type ExportShape } from './stream.ts';

const rows = Array.from({ length: 7 }, (_, i) => ({ id: `id-${i}`, name: i === 3 ? 'Dupont; "Jr"' : `name ${i}` }));
type Row = (typeof rows)[number];
const shape: ExportShape<Row> = { columns: ['id', 'name'], cells: (r) => [r.id, r.name], json: (r) => r };
/** Every batch an asynchronous generator gives. */
const collect = async <T>(batches: AsyncIterable<T>) => {
  const all: T[] = [];
  for await (const batch of batches) all.push(batch);
  return all;
};
const readAll = async (stream: ReadableStream<Uint8Array>) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(await new Response(stream).arrayBuffer()));

describe('keysetBatches', () => {
  it('reads after the last key of each batch until a short batch', async () => {
    const reads: (string | undefined)[] = [];
    const read = (after: string | undefined, limit: number) => {
      reads.push(after);
      return rows.filter((r) => after === undefined || r.id > after).slice(0, limit);
    };
    expect((await collect(keysetBatches(read, (r) => r.id, 3))).map((b) => b.map((r) => r.id))).toEqual([['id-0', 'id-1', 'id-2'], ['id-3', 'id-4', 'id-5'], ['id-6']]);
    expect(reads).toEqual([undefined, 'id-2', 'id-5']);
  });
  it('a full last batch costs one more, empty, read', async () => {
    const read = (after: string | undefined, limit: number) => rows.slice(0, 6).filter((r) => after === undefined || r.id > after).slice(0, limit);
    expect(await collect(keysetBatches(read, (r) => r.id, 3))).toHaveLength(2);
  });
});

describe('exportStream', () => {
  const batchesOf = (size: number) => [rows.slice(0, size), rows.slice(size)];

  it('CSV: BOM and header, then every row, also when there is none', async () => {
    const text = await readAll(exportStream('csv', batchesOf(4), shape));
    expect(text).toBe(`\uFEFFid;name\r\n${rows.map((r) => (r.id === 'id-3' ? 'id-3;"Dupont; ""Jr"""' : `${r.id};${r.name}`)).join('\r\n')}\r\n`);
    expect(await readAll(exportStream('csv', [], shape))).toBe('\uFEFFid;name\r\n');
  });

  it('JSON: one {"items": [...]} document across batches', async () => {
    expect(JSON.parse(await readAll(exportStream('json', batchesOf(2), shape)))).toEqual({ items: rows });
    expect(JSON.parse(await readAll(exportStream('json', [], shape)))).toEqual({ items: [] });
  });

  it('reads no further batch once the client goes away', async () => {
    let read = 0;
    let closed = false;
    function* batches() {
      try {
        for (let i = 0; i < 1000; i++) {
          read++;
          yield [rows[0] as Row];
        }
      } finally {
        closed = true;
      }
    }
    const reader = exportStream('csv', batches(), shape).getReader();
    await reader.read();
    await reader.cancel();
    expect(closed).toBe(true);
    expect(read).toBeLessThanOrEqual(3);
  });
});
