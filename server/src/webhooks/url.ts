/**
 * The rule for a subscription's URL, checked when it is created or changed:
 * https (plain http only to this machine, only with the local switch), and
 * a host that is, and resolves to, public addresses only (`address.ts`) —
 * resolved now, so an administrator learns at once that an address is refused.
 * The same address rule runs again at every delivery connection.
 */
import type { LookupFunction } from 'node:net';
import type { Message } from '@passerelle/schema/messages';
import { bareHost, classifyAddress, hostRefusal, isAddressLiteral, isLocalhostName } from './address.ts';
import { firstRefused, resolveAll } from './lookup.ts';

export interface UrlRule {
  /** `WEBHOOK_ALLOW_LOCAL_HTTP`: plain http and loopback receivers for tests and development. */
  allowLocal: boolean;
  /** The resolver, with the signature of `dns.lookup` (a table in tests: they resolve no real name). */
  lookup: LookupFunction;
}

const isLoopbackHost = (host: string) => isLocalhostName(host) || (isAddressLiteral(host) && classifyAddress(host) === 'loopback');

/** Why this (schema-valid) URL may not receive webhooks, as a message code, or null when it may. */
export async function urlRefusal(url: string, rule: UrlRule): Promise<Message | null> {
  const u = new URL(url);
  const host = bareHost(u.hostname);
  if (u.protocol !== 'https:' && !(rule.allowLocal && isLoopbackHost(host))) {
    return { code: 'webhook.url.https', params: { localAllowed: rule.allowLocal } };
  }
  const refused = hostRefusal(u.hostname, rule.allowLocal);
  if (refused !== null) return { code: 'webhook.url.internalHost', params: { host, range: refused } };
  if (isAddressLiteral(host) || isLocalhostName(host)) return null;
  let addresses;
  try {
    addresses = await resolveAll(rule.lookup, host);
  } catch {
    return { code: 'webhook.url.unresolvable', params: { host } };
  }
  const answer = firstRefused(addresses, rule.allowLocal);
  return answer ? { code: 'webhook.url.internalAnswer', params: { host, address: answer.address, range: answer.reason } } : null;
}
