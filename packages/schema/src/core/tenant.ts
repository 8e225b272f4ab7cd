import * as v from 'valibot';
import { IdSchema, OriginSchema, SlugSchema, text } from './common.ts';
import { SiretSchema, UaiSchema } from '../identifiers/index.ts';

export const entityKinds = ['university', 'school', 'faculty', 'department', 'foundation', 'alumni_association'] as const;
export type EntityKind = (typeof entityKinds)[number];

/** An institution: one tenant. Nothing ever crosses a tenant. */
export const InstitutionSchema = v.object({
  id: IdSchema,
  slug: SlugSchema,
  name: text(200),
  allowedOrigins: v.array(OriginSchema),
});
export type Institution = v.InferOutput<typeof InstitutionSchema>;

/** A faculty, school, foundation… Entities form a tree inside a tenant. */
export const EntitySchema = v.object({
  id: IdSchema,
  tenantId: IdSchema,
  parentId: v.nullable(IdSchema),
  kind: v.picklist(entityKinds),
  name: text(200),
  uai: v.nullable(UaiSchema),
  siret: v.nullable(SiretSchema),
});
export type Entity = v.InferOutput<typeof EntitySchema>;

export const hostKeyAlgorithms = ['HS256', 'EdDSA', 'RS256', 'ES256'] as const;
export type HostKeyAlgorithm = (typeof hostKeyAlgorithms)[number];

/** A key the institution's site signs identity tokens with. */
export const HostKeyInputSchema = v.object({
  kid: v.pipe(v.string(), v.regex(/^[A-Za-z0-9._-]{1,64}$/, 'tenant.keyId.format')),
  alg: v.picklist(hostKeyAlgorithms, 'tenant.key.algorithm'),
  /** HS256: the shared secret (at least 32 characters). EdDSA (Ed25519), RS256 (RSA, 2048 bits or more), ES256 (P-256): a PEM public key. */
  key: v.pipe(v.string(), v.minLength(32, 'tenant.key.tooShort')),
});
export type HostKeyInput = v.InferOutput<typeof HostKeyInputSchema>;
