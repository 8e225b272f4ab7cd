import * as v from 'valibot';
import { EmailSchema } from '../core/common.ts';
import { SignInCodeSchema } from '../core/sign-in-code.ts';

/**
 * A personal address of the signed-in person (issue 17 item 4): one they
 * proved they receive mail at, by a code sent to it. Any such address signs
 * in to the same person by email code, and outlives the institution's own
 * account (a student's, closed after graduation).
 */
export interface PersonAddress {
  id: string;
  email: string;
  verifiedAt: string;
}

export interface PersonAddresses {
  /** The address the institution knows the person by (null: none). Not removable here. */
  primary: string | null;
  items: PersonAddress[];
}

/** `POST /v1/me/addresses`: mail a code to this address. */
export const AddressAddSchema = v.strictObject({ email: EmailSchema });

/** `POST /v1/me/addresses/verify`: the code received at the address. */
export const AddressVerifySchema = v.strictObject({ email: EmailSchema, code: SignInCodeSchema });
