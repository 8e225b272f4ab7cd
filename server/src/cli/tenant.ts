import * as v from 'valibot';
import { HostKeyInputSchema, OriginSchema, SlugSchema, fieldIssues } from '@passerelle/schema';
import type { Say } from '@passerelle/schema/messages/staff';
import type { Db } from '../db/open.ts';
import { findInstitutionBySlug, insertInstitution, institutionOrigins, listInstitutionsWithKeyCounts, setInstitutionOrigins } from '../tenancy/queries/institutions.ts';
import { findHostKeyId, insertHostKey, listHostKeys, replaceHostKey, revokeHostKey } from '../tenancy/queries/host-keys.ts';

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
  const same = listHostKeys(db, id).find((k) => k.kid === key.kid);
  if (same && !same.revokedAt) throw new CliInputError(say('cli.tenant.keyExists', { slug, kid: key.kid }));
  // A revoked kid added again takes the new material and is live again (as the demo seed does).
  if (same) replaceHostKey(db, findHostKeyId(db, id, key.kid)!, { alg: key.alg, key: key.key });
  else insertHostKey(db, { tenantId: id, kid: key.kid, alg: key.alg, key: key.key, createdAt: new Date().toISOString() });
  return say('cli.tenant.keyAdded', { slug, kid: key.kid, alg: key.alg });
}

/** What a listing prints: the words, or the same in JSON (`--json`, in any language). */
const listed = (json: boolean, data: unknown, words: () => string) => (json ? JSON.stringify(data) : words());

export function listTenants(db: Db, say: Say, json: boolean): string {
  const tenants = listInstitutionsWithKeyCounts(db).map((t) => ({ slug: t.slug, name: t.name, origins: t.allowedOrigins.length, keys: t.keys }));
  return listed(json, tenants, () => say('cli.tenant.list', { tenants }));
}

export function listOrigins(db: Db, say: Say, slug: string, json: boolean): string {
  const origins = institutionOrigins(db, tenantId(db, say, slug)) ?? [];
  return listed(json, origins, () => say('cli.tenant.origins', { slug, origins }));
}

export function removeOrigin(db: Db, say: Say, slug: string, origin: string): string {
  const id = tenantId(db, say, slug);
  const origins = institutionOrigins(db, id) ?? [];
  const o = v.safeParse(OriginSchema, origin);
  const gone = o.success ? o.output : origin;
  if (!origins.includes(gone)) throw new CliInputError(say('cli.tenant.originUnknown', { slug, origin }));
  const left = origins.filter((x) => x !== gone);
  setInstitutionOrigins(db, id, left);
  return say('cli.tenant.origins', { slug, origins: left });
}

export function listKeys(db: Db, say: Say, slug: string, json: boolean): string {
  const keys = listHostKeys(db, tenantId(db, say, slug));
  return listed(json, keys, () => say('cli.tenant.keys', { slug, keys }));
}

/** Revokes a key (the row stays, for the record): tokens signed with it are refused from now on. */
export function removeKey(db: Db, say: Say, slug: string, kid: string): string {
  if (!revokeHostKey(db, tenantId(db, say, slug), kid, new Date().toISOString())) throw new CliInputError(say('cli.tenant.keyUnknown', { slug, kid }));
  return say('cli.tenant.keyRemoved', { slug, kid });
}
