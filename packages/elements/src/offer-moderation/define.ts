import { define } from '../core/register.ts';
import { PasserelleOfferModeration } from './offer-moderation.ts';

define('passerelle-offer-moderation', PasserelleOfferModeration);

// The class too, so that dist/<folder>.js exports what it defines (instanceof checks, the manifest's `js` export).
export { PasserelleOfferModeration };

declare global {
  interface HTMLElementTagNameMap {
    'passerelle-offer-moderation': PasserelleOfferModeration;
  }
}
