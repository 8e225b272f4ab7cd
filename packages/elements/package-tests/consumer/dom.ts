// Plain TypeScript on a page: one per-component file, the tag and its events typed.
// package.test.ts type-checks it against the packed tarball.
import '@passerelle/elements/pledge';
import '@passerelle/elements/portal';
import { PasserellePledge } from '@passerelle/elements/pledge';

const pledge = document.querySelector('passerelle-pledge');
if (pledge instanceof PasserellePledge) {
  pledge.api = 'https://passerelle.univ-exemple.fr';
  pledge.getIdentityToken = async () => 'token';
  pledge.addEventListener('passerelle-saved', (e) => console.log(e.detail.kind, e.detail.item));
}
const portal = document.createElement('passerelle-portal');
portal.sessionStorageMode = 'none';
portal.addEventListener('passerelle-signed-in', (e) => console.log(e.detail.me.person.email, portal.me?.can));
portal.addEventListener('passerelle-error', (e) => console.log(e.detail.error.status, e.detail.action));
// @ts-expect-error the pledge has no such property
pledge?.amountCents;
