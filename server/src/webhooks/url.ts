/**
 * The rule for a subscription's URL, checked when it is created or changed:
 * https (plain http only to this machine, only with the local switch), and
 * a host that is, and resolves to, public addresses only (`address.ts`) —
 * resolved now, so an administrator learns at once that an address is refused.
 * The same address rule runs again at every delivery connection.
 */
import type { LookupFunction } from 'node:net';
import { bareHost, classifyAddress, hostRefusal, isAddressLiteral, isLocalhostName } from './address.ts';
import { firstRefused, resolveAll } from './lookup.ts';

export interface UrlRule {
  /** `WEBHOOK_ALLOW_LOCAL_HTTP`: plain http and loopback receivers for tests and development. */
  allowLocal: boolean;
  /** The resolver, with the signature of `dns.lookup` (a table in tests: they resolve no real name). */
  lookup: LookupFunction;
}

const isLoopbackHost = (host: string) => isLocalhostName(host) || (isAddressLiteral(host) && classifyAddress(host) === 'loopback');

/** Why this (schema-valid) URL may not receive webhooks, in words, or null when it may. */
export async function urlRefusal(url: string, rule: UrlRule): Promise<string | null> {
  const u = new URL(url);
  const host = bareHost(u.hostname);
  if (u.protocol !== 'https:' && !(rule.allowLocal && isLoopbackHost(host))) {
    return rule.allowLocal ? 'Use an https address (plain http is accepted only for localhost).' : 'Use an https address: deliveries carry personal data and are never sent in clear.';
  }
  const refused = hostRefusal(u.hostname, rule.allowLocal);
  if (refused !== null) return `Webhooks go only to public internet addresses: ${host} is ${refused}.`;
  if (isAddressLiteral(host) || isLocalhostName(host)) return null;
  let addresses;
  try {
    addresses = await resolveAll(rule.lookup, host);
  } catch {
    return `${host} could not be resolved (DNS), so where it leads cannot be checked: correct the address, or try again later.`;
  }
  const answer = firstRefused(addresses, rule.allowLocal);
  return answer ? `Webhooks go only to public internet addresses: ${host} resolves to ${answer.address}, ${answer.reason}.` : null;
}
