import * as v from 'valibot';
import { HostKeyInputSchema, OriginSchema, SlugSchema, fieldErrors } from '@passerelle/schema';
import type { Db } from '../db/open.ts';
import { findInstitutionBySlug, insertInstitution, institutionOrigins, setInstitutionOrigins } from '../db/tenancy/institutions.ts';
import { insertHostKey } from '../db/tenancy/host-keys.ts';

/** A refused CLI input, with the field and the schema's message. */
export class CliInputError extends Error {}

export function parse<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (!result.success) throw new CliInputError(fieldErrors(result.issues).map((e) => `${e.path || 'value'}: ${e.message}`).join('\n'));
  return result.output;
}

export function tenantId(db: Db, slug: string): string {
  const row = findInstitutionBySlug(db, slug);
  if (!row) throw new CliInputError(`No institution with the slug "${slug}". Add it with: pnpm passerelle tenant add ${slug} "<name>"`);
  return row.id;
}

export function addTenant(db: Db, slug: string, name: string): string {
  const s = parse(SlugSchema, slug);
  if (findInstitutionBySlug(db, s)) throw new CliInputError(`The institution "${s}" already exists.`);
  const id = insertInstitution(db, { slug: s, name: name.trim(), allowedOrigins: [], createdAt: new Date().toISOString() });
  return `Institution ${s} added (${id}).`;
}

export function addOrigin(db: Db, slug: string, origin: string): string {
  const id = tenantId(db, slug);
  const o = parse(OriginSchema, origin);
  const origins = [...new Set([...(institutionOrigins(db, id) ?? []), o])];
  setInstitutionOrigins(db, id, origins);
  return `Origins of ${slug}: ${origins.join(', ')}`;
}

export function addHostKey(db: Db, slug: string, input: { kid: string | undefined; alg: string | undefined; key: string | undefined }): string {
  const id = tenantId(db, slug);
  const key = parse(HostKeyInputSchema, input);
  insertHostKey(db, { tenantId: id, kid: key.kid, alg: key.alg, key: key.key, createdAt: new Date().toISOString() });
  return `Key ${key.kid} (${key.alg}) added to ${slug}.`;
}
