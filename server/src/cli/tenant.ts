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

export async function tenantId(db: Db, say: Say, slug: string): Promise<string> {
  const row = await findInstitutionBySlug(db, slug);
  if (!row) throw new CliInputError(say('cli.tenant.unknown', { slug }));
  return row.id;
}

export async function addTenant(db: Db, say: Say, slug: string, name: string): Promise<string> {
  const s = parse(say, SlugSchema, slug);
  if (await findInstitutionBySlug(db, s)) throw new CliInputError(say('cli.tenant.exists', { slug: s }));
  const id = await insertInstitution(db, { slug: s, name: name.trim(), allowedOrigins: [], createdAt: new Date().toISOString() });
  return say('cli.tenant.added', { slug: s, id });
}

export async function addOrigin(db: Db, say: Say, slug: string, origin: string): Promise<string> {
  const id = await tenantId(db, say, slug);
  const o = parse(say, OriginSchema, origin);
  const origins = [...new Set([...((await institutionOrigins(db, id)) ?? []), o])];
  await setInstitutionOrigins(db, id, origins);
  return say('cli.tenant.origins', { slug, origins });
}

export async function addHostKey(db: Db, say: Say, slug: string, input: { kid: string | undefined; alg: string | undefined; key: string | undefined }): Promise<string> {
  const id = await tenantId(db, say, slug);
  const key = parse(say, HostKeyInputSchema, input);
  const same = (await listHostKeys(db, id)).find((k) => k.kid === key.kid);
  if (same && !same.revokedAt) throw new CliInputError(say('cli.tenant.keyExists', { slug, kid: key.kid }));
  // A revoked kid added again takes the new material and is live again (as the demo seed does).
  if (same) await replaceHostKey(db, (await findHostKeyId(db, id, key.kid))!, { alg: key.alg, key: key.key });
  else await insertHostKey(db, { tenantId: id, kid: key.kid, alg: key.alg, key: key.key, createdAt: new Date().toISOString() });
  return say('cli.tenant.keyAdded', { slug, kid: key.kid, alg: key.alg });
}

/** What a listing prints: the words, or the same in JSON (`--json`, in any language). */
const listed = (json: boolean, data: unknown, words: () => string) => (json ? JSON.stringify(data) : words());

export async function listTenants(db: Db, say: Say, json: boolean): Promise<string> {
  const tenants = (await listInstitutionsWithKeyCounts(db)).map((t) => ({ slug: t.slug, name: t.name, origins: t.allowedOrigins.length, keys: t.keys }));
  return listed(json, tenants, () => say('cli.tenant.list', { tenants }));
}

export async function listOrigins(db: Db, say: Say, slug: string, json: boolean): Promise<string> {
  const origins = (await institutionOrigins(db, await tenantId(db, say, slug))) ?? [];
  return listed(json, origins, () => say('cli.tenant.origins', { slug, origins }));
}

export async function removeOrigin(db: Db, say: Say, slug: string, origin: string): Promise<string> {
  const id = await tenantId(db, say, slug);
  const origins = (await institutionOrigins(db, id)) ?? [];
  const o = v.safeParse(OriginSchema, origin);
  const gone = o.success ? o.output : origin;
  if (!origins.includes(gone)) throw new CliInputError(say('cli.tenant.originUnknown', { slug, origin }));
  const left = origins.filter((x) => x !== gone);
  await setInstitutionOrigins(db, id, left);
  return say('cli.tenant.origins', { slug, origins: left });
}

export async function listKeys(db: Db, say: Say, slug: string, json: boolean): Promise<string> {
  const keys = await listHostKeys(db, await tenantId(db, say, slug));
  return listed(json, keys, () => say('cli.tenant.keys', { slug, keys }));
}

/** Revokes a key (the row stays, for the record): tokens signed with it are refused from now on. */
export async function removeKey(db: Db, say: Say, slug: string, kid: string): Promise<string> {
  if (!(await revokeHostKey(db, await tenantId(db, say, slug), kid, new Date().toISOString()))) throw new CliInputError(say('cli.tenant.keyUnknown', { slug, kid }));
  return say('cli.tenant.keyRemoved', { slug, kid });
}
