/**
 * The DNS side of the address rule (`address.ts`): a host's addresses are
 * checked when a subscription is saved (early, with the reason in words)
 * and again by the resolver of every delivery connection, on the very
 * addresses the socket is about to use — a DNS answer that changes between
 * the two (rebinding) still cannot reach a forbidden address.
 *
 * The resolver is injected (`dns.lookup` in production; a table in tests,
 * which never leave 127.0.0.1), with the signature of `dns.lookup`.
 */
import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { addressRefusal } from './address.ts';
import type { AddressRange } from '@passerelle/schema/messages';

/** A connection refused by the address rule: the attempt is recorded as `blocked-address`. */
export class BlockedAddressError extends Error {
  override readonly name = 'BlockedAddressError';
  readonly code = 'EBLOCKEDADDRESS';
}

/** Every address the resolver gives for `hostname` (rejects with the resolver's error, `code` kept). */
export function resolveAll(lookup: LookupFunction, hostname: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    lookup(hostname, { all: true }, (err, addresses, family) => {
      if (err) reject(err);
      else resolve(typeof addresses === 'string' ? [{ address: addresses, family: family ?? 4 }] : addresses);
    });
  });
}

/** The first forbidden address among the answers, with the reason, or null. */
export function firstRefused(addresses: readonly LookupAddress[], allowLoopback: boolean): { address: string; reason: AddressRange } | null {
  for (const { address } of addresses) {
    const reason = addressRefusal(address, allowLoopback);
    if (reason !== null) return { address, reason };
  }
  return null;
}

/**
 * A `lookup` for http(s).request: resolves every address, refuses the
 * connection if any is forbidden (one bad answer among good ones is enough
 * to refuse: a resolver may hand out either), and otherwise answers as
 * `dns.lookup` would for the options the socket asked with.
 */
export function guardedLookup(lookup: LookupFunction, allowLoopback: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolveAll(lookup, hostname).then(
      (addresses) => {
        const refused = firstRefused(addresses, allowLoopback);
        if (refused) return callback(new BlockedAddressError(`${hostname} resolves to a forbidden address.`), '');
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
        if (wanted.length === 0) return callback(Object.assign(new Error(`${hostname} has no address of the family asked for.`), { code: 'ENOTFOUND' }), '');
        if (options.all) callback(null, wanted);
        else callback(null, wanted[0]!.address, wanted[0]!.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, ''),
    );
  };
}
