/**
 * Message codes and how to put them in words. The catalogues themselves are
 * `@passerelle/schema/messages/fr` and `…/en`: the server imports both, the
 * elements load the one their locale needs, when they have something to say.
 */
import { messageCodes, type Catalogue, type Message, type MessageCode, type ParamsOf } from './codes.ts';

export * from './codes.ts';
export { issueMessage, looksLikeCode, type IssueWithParams } from './issues.ts';
export { essentials } from './essentials.ts';
export type { Language } from './format.ts';

/** The parameters of a code, optional when it takes none. */
export type ParamsArgs<C extends MessageCode> = Record<never, never> extends ParamsOf<C> ? [params?: ParamsOf<C>] : [params: ParamsOf<C>];

/** `message('offer.closed', { status })`: a code with its parameters. */
export function message<C extends MessageCode>(code: C, ...[params]: ParamsArgs<C>): Message {
  // The parameters were checked against the code by ParamsArgs; TypeScript cannot narrow the union by a generic code.
  return { code, params: params ?? {} } as Message;
}

/** Whether a string from elsewhere (the wire, a schema) is a code of this version. */
export function isMessageCode(value: unknown): value is MessageCode {
  return typeof value === 'string' && (messageCodes as readonly string[]).includes(value);
}

/**
 * A message in the catalogue's words. A code the catalogue does not know
 * (received from a newer server) is the catalogue's generic sentence.
 */
export function inWords(catalogue: Catalogue, m: { code: string; params?: unknown }): string {
  const words = (catalogue as unknown as Record<string, ((params: unknown) => string) | undefined>)[m.code];
  if (!words) return catalogue['problem.unknown']({});
  try {
    return words(m.params ?? {});
  } catch {
    // Parameters missing or of another shape (an older or newer peer): say something rather than nothing.
    return catalogue['problem.unknown']({});
  }
}
