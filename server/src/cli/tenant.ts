import * as v from 'valibot';
import { eq } from 'drizzle-orm';
import { HostKeyInputSchema, OriginSchema, SlugSchema, fieldErrors } from '@passerelle/schema';
import type { Db } from '../db/open.ts';
import { hostKeys, institutions } from '../db/tables/index.ts';

/** A refused CLI input, with the field and the schema's message. */
export class CliInputError extends Error {}

function parse<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (!result.success) throw new CliInputError(fieldErrors(result.issues).map((e) => `${e.path || 'value'}: ${e.message}`).join('\n'));
  return result.output;
}

function tenantId(db: Db, slug: string): string {
  const row = db.select({ id: institutions.id }).from(institutions).where(eq(institutions.slug, slug)).get();
  if (!row) throw new CliInputError(`No institution with the slug "${slug}". Add it with: pnpm passerelle tenant add ${slug} "<name>"`);
  return row.id;
}

export function addTenant(db: Db, slug: string, name: string): string {
  const s = parse(SlugSchema, slug);
  if (db.select({ id: institutions.id }).from(institutions).where(eq(institutions.slug, s)).get()) throw new CliInputError(`The institution "${s}" already exists.`);
  const row = db.insert(institutions).values({ slug: s, name: name.trim(), allowedOrigins: [], createdAt: new Date().toISOString() }).returning({ id: institutions.id }).get();
  return `Institution ${s} added (${row.id}).`;
}

export function addOrigin(db: Db, slug: string, origin: string): string {
  const id = tenantId(db, slug);
  const o = parse(OriginSchema, origin);
  const row = db.select({ allowedOrigins: institutions.allowedOrigins }).from(institutions).where(eq(institutions.id, id)).get();
  const origins = [...new Set([...(row?.allowedOrigins ?? []), o])];
  db.update(institutions).set({ allowedOrigins: origins }).where(eq(institutions.id, id)).run();
  return `Origins of ${slug}: ${origins.join(', ')}`;
}

export function addHostKey(db: Db, slug: string, input: { kid: string | undefined; alg: string | undefined; key: string | undefined }): string {
  const id = tenantId(db, slug);
  const key = parse(HostKeyInputSchema, input);
  db.insert(hostKeys).values({ tenantId: id, kid: key.kid, alg: key.alg, key: key.key, createdAt: new Date().toISOString() }).run();
  return `Key ${key.kid} (${key.alg}) added to ${slug}.`;
}
