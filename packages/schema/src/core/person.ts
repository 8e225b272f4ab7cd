import * as v from 'valibot';
import { EmailSchema, IdSchema, text } from './common.ts';
import { roles } from '../policy/types.ts';

export const PersonSchema = v.object({
  id: IdSchema,
  tenantId: IdSchema,
  email: v.nullable(EmailSchema),
  displayName: v.nullable(text(200)),
});
export type Person = v.InferOutput<typeof PersonSchema>;

export const MembershipSchema = v.object({
  id: IdSchema,
  personId: IdSchema,
  role: v.picklist(roles),
  entityId: v.nullable(IdSchema),
  companyId: v.nullable(IdSchema),
});
export type MembershipRow = v.InferOutput<typeof MembershipSchema>;
