/**
 * A resolver over a table, with the signature of `dns.lookup`: what the
 * tests give the app and the delivery worker instead of DNS, so that no test
 * resolves a real name nor reaches any address but 127.0.0.1. A test changes
 * an entry to play a DNS answer that changes (rebinding).
 */
import type { LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { bareHost, isLocalhostName } from './address.ts';

/**
 * A global unicast IPv6 address from a block allocated to no registry
 * (2f00::1 lies in 2000::/3, in 2e00::/7, which IANA has not allocated): public by the
 * address rule, so creation accepts names that resolve to it, and nobody's
 * host. Nothing connects to it: deliveries in tests use a table without it.
 */
export const UNALLOCATED_PUBLIC_ADDRESS = '2f00::1';

/** The names kept for documentation and tests (RFC 2606, RFC 6761): example.org/.com/.net and below, `*.test`, `*.example`. */
export const isReservedTestName = (name: string) => /(^|\.)(example\.(org|com|net)|test|example)$/.test(name);

/** The test app's default answer for a name missing from its table: reserved test names are public, others do not exist. */
export const testNameFallback = (name: string): string[] | undefined => (isReservedTestName(name) ? [UNALLOCATED_PUBLIC_ADDRESS] : undefined);

/**
 * Resolves from `table` (names in lower case, without trailing dot), then
 * `fallback`; `localhost` and `*.localhost` are 127.0.0.1 and ::1 unless the
 * table says otherwise; any other name fails with ENOTFOUND, as DNS would.
 * Answers on a later turn of the event loop, like `dns.lookup`.
 */
export function tableLookup(table: ReadonlyMap<string, readonly string[]>, fallback: (name: string) => string[] | undefined = () => undefined): LookupFunction {
  return (hostname, options, callback) => {
    const name = bareHost(hostname);
    const listed = table.get(name) ?? fallback(name) ?? (isLocalhostName(name) ? ['127.0.0.1', '::1'] : isIP(name) ? [name] : undefined);
    const answers: LookupAddress[] = (listed ?? []).map((address) => ({ address, family: isIP(address) }));
    const wanted = options.family === 4 || options.family === 6 ? answers.filter((a) => a.family === options.family) : answers;
    setImmediate(() => {
      if (wanted.length === 0) callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname }), '');
      else if (options.all) callback(null, wanted);
      else callback(null, wanted[0]!.address, wanted[0]!.family);
    });
  };
}
