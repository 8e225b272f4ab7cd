/**
 * The staff catalogue: `@passerelle/schema/messages/staff`, for the server
 * only (the CLI, the import, the emails). The elements never import it.
 */
import type { Language } from '../format.ts';
import type { StaffCatalogue, StaffCode, StaffMessage, StaffParamsOf } from './codes.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';

export * from './codes.ts';
export * from './consent-proof.ts';

export const staffCatalogues: Readonly<Record<Language, StaffCatalogue>> = { fr, en };

/** The parameters of a staff code, optional when it takes none. */
export type StaffParamsArgs<C extends StaffCode> = Record<never, never> extends StaffParamsOf<C> ? [params?: StaffParamsOf<C>] : [params: StaffParamsOf<C>];

/** `staffMessage('cli.tenant.unknown', { slug })`: a staff code with its parameters. */
export function staffMessage<C extends StaffCode>(code: C, ...[params]: StaffParamsArgs<C>): StaffMessage {
  // The parameters were checked against the code by StaffParamsArgs; TypeScript cannot narrow the union by a generic code.
  return { code, params: params ?? {} } as StaffMessage;
}

/** A staff message in one language's words. */
export function staffWords(language: Language, m: StaffMessage): string {
  return (staffCatalogues[language][m.code] as (params: unknown) => string)(m.params);
}

/** What a staff-facing piece of code says with: a code and its parameters in, words of one language out. */
export type Say = <C extends StaffCode>(code: C, ...params: StaffParamsArgs<C>) => string;

/** The `Say` of one language. */
export const sayIn = (language: Language): Say => (code, ...params) => staffWords(language, staffMessage(code, ...params));
