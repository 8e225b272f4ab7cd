/**
 * Delivery errors as categories (`@passerelle/schema`'s
 * `webhookAttemptErrors`, or `http-<status>`): what is stored and shown for
 * a failed attempt. A library's message would tell an administrator which
 * hosts and ports answer inside the network (`ECONNREFUSED 127.0.0.1:8806`,
 * OpenSSL messages with source paths), so it is never kept.
 */
import { webhookAttemptErrors, type WebhookAttemptError } from '@passerelle/schema';
import { BlockedAddressError } from './lookup.ts';

/** A deliberate stop of the attempt at the per-attempt time limit. */
export class AttemptTimeoutError extends Error {
  override readonly name = 'AttemptTimeoutError';
}

export const httpError = (status: number): WebhookAttemptError => `http-${status}`;

/** Resolver failures (`getaddrinfo`, c-ares). */
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME', 'ENODATA', 'ESERVFAIL', 'ENOTIMP', 'EREFUSED', 'EBADNAME', 'ETIMEOUT']);
/** Certificate checks (OpenSSL's verify codes as Node names them) and TLS protocol errors. */
const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|ERR_OSSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|UNABLE_TO_|HOSTNAME_MISMATCH$|EPROTO$)/;

/** The category of an error thrown by one attempt. */
export function errorCategory(err: unknown): WebhookAttemptError {
  if (err instanceof BlockedAddressError) return 'blocked-address';
  if (err instanceof AttemptTimeoutError) return 'timeout';
  const { code, syscall } = (err ?? {}) as NodeJS.ErrnoException;
  if (code === 'ECONNREFUSED') return 'connection-refused';
  if (code === 'ETIMEDOUT') return 'timeout';
  if ((code !== undefined && DNS_CODES.has(code)) || syscall === 'getaddrinfo' || syscall === 'queryA' || syscall === 'queryAaaa') return 'dns-error';
  if (code !== undefined && TLS_CODE.test(code)) return 'tls-error';
  return 'network-error';
}

const known = new Set<string>(webhookAttemptErrors);

/**
 * The category of a stored attempt. Rows written before categories hold the
 * library's message (`connect ECONNREFUSED 127.0.0.1:8806`, `HTTP 500`,
 * `No answer within 10 s.`): they are mapped when read, so that no old
 * message is shown either.
 */
export function storedAttemptError(error: string | null, statusCode: number | null): WebhookAttemptError | undefined {
  if (error === null) return undefined;
  if (known.has(error) || /^http-\d{3}$/.test(error)) return error as WebhookAttemptError;
  if (statusCode !== null) return httpError(statusCode);
  if (/ECONNREFUSED/.test(error)) return 'connection-refused';
  if (/No answer within|ETIMEDOUT|timed? ?out/i.test(error)) return 'timeout';
  if (/ENOTFOUND|EAI_AGAIN|getaddrinfo/.test(error)) return 'dns-error';
  if (/certificate|SSL|TLS|EPROTO/i.test(error)) return 'tls-error';
  return 'network-error';
}
