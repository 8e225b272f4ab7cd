/**
 * How every export leaves the server: database batches pulled one at a time
 * into a `ReadableStream`, each encoded (CSV lines or JSON items) only when
 * the client is ready for more. `@hono/node-server` waits for the socket's
 * `drain` before reading the next chunk, so memory holds one batch whatever
 * the export's size; when the client goes away the stream is cancelled and
 * the batch generator is closed, so no further query runs.
 *
 * Consistency: on SQLite every request shares one connection, so a read
 * transaction cannot stay open across the awaits between batches (it would
 * hold every other request's writes back for as long as the client takes
 * to download). Each batch is
 * therefore its own consistent read, keyed by id: a row that exists for the
 * whole export appears exactly once; a row added or removed meanwhile may or
 * may not appear; a row changed meanwhile appears as its batch read it.
 */
import type { Context } from 'hono';
import type { ExportFormat } from '@passerelle/schema';
import type { AppEnv } from '../context.ts';
import { csvEncoder, excelFr } from '../csv/write.ts';

/** Rows read per query. */
export const EXPORT_BATCH_SIZE = 1000;

/** How one kind of item is written: CSV header and cells, JSON object. */
export interface ExportShape<T> {
  columns: readonly string[];
  cells(item: T): readonly unknown[];
  json(item: T): unknown;
}

/**
 * Reads `read(after, limit)` until a short batch, continuing after the key of
 * the previous batch's last row: keyset pagination, so each query costs the
 * same however far the export has gone.
 */
export async function* keysetBatches<R, K>(read: (after: K | undefined, limit: number) => R[] | Promise<R[]>, keyOf: (row: R) => K, size = EXPORT_BATCH_SIZE): AsyncGenerator<R[]> {
  let after: K | undefined;
  for (;;) {
    const rows = await read(after, size);
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (rows.length < size || last === undefined) return;
    after = keyOf(last);
  }
}

/**
 * The body: CSV (`;`, UTF-8 BOM, CRLF, the header even when empty) or JSON
 * `{"items":[...]}` written item by item.
 */
export function exportStream<T>(format: ExportFormat, batches: AsyncIterable<T[]> | Iterable<T[]>, shape: ExportShape<T>): ReadableStream<Uint8Array> {
  const iterator = Symbol.asyncIterator in batches ? batches[Symbol.asyncIterator]() : batches[Symbol.iterator]();
  const utf8 = new TextEncoder();
  const csv = csvEncoder(excelFr);
  let opening: string | null = format === 'csv' ? csv.header(shape.columns) : '{"items":[';
  let first = true;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let out = opening ?? '';
        opening = null;
        const next = await iterator.next();
        if (next.done) {
          if (format === 'json') out += ']}\n';
          controller.enqueue(utf8.encode(out));
          controller.close();
          return;
        }
        for (const item of next.value) {
          if (format === 'csv') out += csv.line(shape.cells(item));
          else {
            out += (first ? '' : ',') + JSON.stringify(shape.json(item));
            first = false;
          }
        }
        controller.enqueue(utf8.encode(out));
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    // One batch ahead of the client at most.
    { highWaterMark: 1 },
  );
}

/** The streamed response, as an attachment named `<name>-<date>.<csv|json>`. */
export function exportResponse(c: Context<AppEnv>, name: string, format: ExportFormat, body: ReadableStream<Uint8Array>): Response {
  const date = c.get('deps').clock.now().toISOString().slice(0, 10);
  return c.body(body, 200, {
    'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    'content-disposition': `attachment; filename="${name}-${date}.${format}"`,
    'cache-control': 'no-store',
  });
}
