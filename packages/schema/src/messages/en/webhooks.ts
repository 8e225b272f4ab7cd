/** English words of the webhook.* codes: an area of ../en.ts (../areas.ts). */
import type { AddressRange } from '../codes.ts';
import type { CatalogueArea } from '../areas.ts';

const ranges: Record<AddressRange, string> = {
  loopback: 'the server itself (loopback)',
  private: 'a private network address',
  'link-local': 'a link-local address (such as a cloud metadata service)',
  shared: 'a shared address of a carrier-grade NAT (100.64.0.0/10)',
  unspecified: 'the unspecified address',
  multicast: 'a multicast address',
  reserved: 'a reserved or special-purpose address',
};

export const webhooks: CatalogueArea<'webhooks'> = {
  'webhook.notFound': () => 'This webhook subscription does not exist, or you cannot see it.',
  'webhook.entity': () => 'Choose an entity of this institution.',
  'webhook.ifMatchRequired': () => 'Send the ETag of the subscription you edited in an If-Match header, so that nobody’s change is overwritten.',
  'webhook.changed': () => 'This subscription changed since you loaded it. Nothing was saved: reload it, then apply your change again.',
  'webhook.changedWhileSaving': () => 'This subscription changed while saving. Nothing was saved: reload it and try again.',
  'webhook.url.format': () => 'Enter an absolute https address without credentials, such as https://crm.example.org/hooks/passerelle.',
  'webhook.url.https': ({ localAllowed }) =>
    localAllowed ? 'Use an https address (plain http is accepted only for localhost).' : 'Use an https address: deliveries carry personal data and are never sent in clear.',
  'webhook.url.internalHost': ({ host, range }) => `Webhooks go only to public internet addresses: ${host} is ${ranges[range]}.`,
  'webhook.url.internalAnswer': ({ host, address, range }) => `Webhooks go only to public internet addresses: ${host} resolves to ${address}, ${ranges[range]}.`,
  'webhook.url.unresolvable': ({ host }) =>
    `${host} could not be resolved (DNS), so where it leads cannot be checked: correct the address, or try again later.`,
  'webhook.events.unique': () => 'Name each event once.',
  'webhook.delivery.notFound': () => 'This delivery does not exist, or you cannot see it.',
  'webhook.delivery.id': () => 'Must be a delivery id (msg_ and a UUID).',
  'webhook.delivery.delivered': () => 'This message was already delivered; the receiver has it.',
};
