import * as v from 'valibot';
import { HostKeyInputSchema, OriginSchema, SlugSchema, fieldIssues } from '@passerelle/schema';
import type { Say } from '@passerelle/schema/messages/staff';
import type { Db } from '../db/open.ts';
import { findInstitutionBySlug, insertInstitution, institutionOrigins, setInstitutionOrigins } from '../tenancy/queries/institutions.ts';
import { insertHostKey } from '../tenancy/queries/host-keys.ts';

/** A refused CLI input, in the CLI's words (exit code 2). */
export class CliInputError extends Error {}

export function parse<S extends v.GenericSchema>(say: Say, schema: S, value: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (!result.success) throw new CliInputError(say('cli.input.invalid', { errors: fieldIssues(result.issues) }));
  return result.output;
}

export function tenantId(db: Db, say: Say, slug: string): string {
  const row = findInstitutionBySlug(db, slug);
  if (!row) throw new CliInputError(say('cli.tenant.unknown', { slug }));
  return row.id;
}

export function addTenant(db: Db, say: Say, slug: string, name: string): string {
  const s = parse(say, SlugSchema, slug);
  if (findInstitutionBySlug(db, s)) throw new CliInputError(say('cli.tenant.exists', { slug: s }));
  const id = insertInstitution(db, { slug: s, name: name.trim(), allowedOrigins: [], createdAt: new Date().toISOString() });
  return say('cli.tenant.added', { slug: s, id });
}

export function addOrigin(db: Db, say: Say, slug: string, origin: string): string {
  const id = tenantId(db, say, slug);
  const o = parse(say, OriginSchema, origin);
  const origins = [...new Set([...(institutionOrigins(db, id) ?? []), o])];
  setInstitutionOrigins(db, id, origins);
  return say('cli.tenant.origins', { slug, origins });
}

export function addHostKey(db: Db, say: Say, slug: string, input: { kid: string | undefined; alg: string | undefined; key: string | undefined }): string {
  const id = tenantId(db, say, slug);
  const key = parse(say, HostKeyInputSchema, input);
  insertHostKey(db, { tenantId: id, kid: key.kid, alg: key.alg, key: key.key, createdAt: new Date().toISOString() });
  return say('cli.tenant.keyAdded', { slug, kid: key.kid, alg: key.alg });
}
