import { SiretSchema } from '@passerelle/schema';
import type { Say } from '@passerelle/schema/messages/staff';
import type { Db } from '../db/open.ts';
import { findEntityIdByName, setEntitySiret } from '../tenancy/queries/entities.ts';
import { CliInputError, parse, tenantId } from './tenant.ts';

/** Sets a school's SIRET, which companies copy into SOLTéA with its UAI. */
export async function setSiret(db: Db, say: Say, slug: string, name: string, siret: string): Promise<string> {
  const tenant = await tenantId(db, say, slug);
  const value = parse(say, SiretSchema, siret);
  const id = await findEntityIdByName(db, tenant, name);
  if (!id) throw new CliInputError(say('cli.entity.unknown', { slug, name }));
  await setEntitySiret(db, tenant, id, value);
  return say('cli.entity.siretSet', { slug, name, siret: value });
}
