/**
 * Which addresses a webhook may reach: public internet addresses only, so
 * that an administrator cannot aim deliveries at the services around the
 * server (loopback, private networks, cloud metadata on link-local…) and
 * read the network from the delivery errors.
 *
 * One rule for the creation of a subscription (`webhooks/routes.ts`) and for
 * every connection of a delivery (`lookup.ts`, `post.ts`). An allowlist: an
 * address is public when ipaddr.js finds it in no special-purpose range;
 * IPv6 forms that carry an IPv4 address (mapped, translated, NAT64, 6to4,
 * IPv4-compatible) are judged by that IPv4 address.
 */
import ipaddr from 'ipaddr.js';
import type { AddressRange } from '@passerelle/schema/messages';

/** A refused class is an `AddressRange` of the message catalogues, which word it for the administrator who typed the address. */
export type AddressClass = 'public' | AddressRange;

function classifyV4(address: ipaddr.IPv4): AddressClass {
  switch (address.range()) {
    case 'unicast':
      return 'public';
    case 'loopback':
      return 'loopback';
    case 'private':
      return 'private';
    case 'linkLocal':
      return 'link-local';
    case 'carrierGradeNat':
      return 'shared';
    case 'unspecified':
      return 'unspecified';
    case 'multicast':
      return 'multicast';
    default:
      return 'reserved';
  }
}

/** The IPv4 address in the last 32 bits of an IPv6 address. */
const lowV4 = (parts: number[]) => new ipaddr.IPv4([parts[6]! >> 8, parts[6]! & 0xff, parts[7]! >> 8, parts[7]! & 0xff]);

const NAT64_WELL_KNOWN = ipaddr.IPv6.parseCIDR('64:ff9b::/96');
/** Global unicast: 2000::/3. Anything outside it that ipaddr.js calls unicast (::/96 IPv4-compatible, 4000::…) is not reachable on the internet. */
const GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR('2000::/3');

function classifyV6(address: ipaddr.IPv6): AddressClass {
  const parts = address.parts;
  switch (address.range()) {
    case 'ipv4Mapped':
    case 'rfc6145':
      return classifyV4(lowV4(parts));
    case 'rfc6052':
      // 64:ff9b::/96 translates to the IPv4 address it ends with; 64:ff9b:1::/48 is for local use.
      return address.match(NAT64_WELL_KNOWN) ? classifyV4(lowV4(parts)) : 'private';
    case '6to4':
      return classifyV4(new ipaddr.IPv4([parts[1]! >> 8, parts[1]! & 0xff, parts[2]! >> 8, parts[2]! & 0xff]));
    case 'unspecified':
      return 'unspecified';
    case 'loopback':
      return 'loopback';
    case 'linkLocal':
      return 'link-local';
    case 'uniqueLocal':
      return 'private';
    case 'multicast':
      return 'multicast';
    case 'unicast':
      if (parts.slice(0, 6).every((p) => p === 0)) return classifyV4(lowV4(parts)); // ::a.b.c.d, IPv4-compatible
      return address.match(GLOBAL_UNICAST) ? 'public' : 'reserved';
    default:
      return 'reserved';
  }
}

/** The class of an IP address (`127.0.0.1`, `::ffff:7f00:1`, `fe80::1`); anything unparsable is `reserved`. */
export function classifyAddress(address: string): AddressClass {
  if (!ipaddr.isValid(address)) return 'reserved';
  const parsed = ipaddr.parse(address);
  return parsed.kind() === 'ipv4' ? classifyV4(parsed as ipaddr.IPv4) : classifyV6(parsed as ipaddr.IPv6);
}

/**
 * Why deliveries may not go to this IP address (its class), or null when they
 * may. `allowLoopback`: the test and development switch
 * (`WEBHOOK_ALLOW_LOCAL_HTTP`), which lets receivers on this machine in.
 */
export function addressRefusal(address: string, allowLoopback: boolean): AddressRange | null {
  const kind = classifyAddress(address);
  if (kind === 'public' || (kind === 'loopback' && allowLoopback)) return null;
  return kind;
}

/** A URL's hostname (`[::1]`, `crm.example.org.`) without brackets nor trailing dots, in lower case. */
export function bareHost(hostname: string): string {
  return hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.+$/, '').toLowerCase();
}

/** `localhost` and `*.localhost` are this machine, whatever a resolver says (RFC 6761). */
export const isLocalhostName = (host: string) => host === 'localhost' || host.endsWith('.localhost');

/**
 * Why deliveries may not go to this URL host (the class of its address), or null when the
 * host itself is acceptable: an IP literal is judged as an address,
 * `localhost` as loopback; any other name is for DNS to decide (its
 * addresses go through `addressRefusal`, at creation and at each connection).
 */
export function hostRefusal(hostname: string, allowLoopback: boolean): AddressRange | null {
  const host = bareHost(hostname);
  if (ipaddr.isValid(host)) return addressRefusal(host, allowLoopback);
  if (isLocalhostName(host)) return allowLoopback ? null : 'loopback';
  return null;
}

/** Whether a URL host is an IP literal (no DNS involved). */
export const isAddressLiteral = (hostname: string) => ipaddr.isValid(bareHost(hostname));
