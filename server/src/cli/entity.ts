import { SiretSchema } from '@passerelle/schema';
import type { Db } from '../db/open.ts';
import { findEntityIdByName, setEntitySiret } from '../db/tenancy/entities.ts';
import { CliInputError, parse, tenantId } from './tenant.ts';

/** Sets a school's SIRET, which companies copy into SOLTéA with its UAI. */
export function setSiret(db: Db, slug: string, name: string, siret: string): string {
  const tenant = tenantId(db, slug);
  const value = parse(SiretSchema, siret);
  const id = findEntityIdByName(db, tenant, name);
  if (!id) throw new CliInputError(`No entity named "${name}" in ${slug} (the name must match exactly, quotes included).`);
  setEntitySiret(db, tenant, id, value);
  return `SIRET of ${name} (${slug}): ${value}.`;
}
