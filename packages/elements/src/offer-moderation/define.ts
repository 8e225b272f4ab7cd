import { define } from '../core/register.ts';
import { PasserelleOfferModeration } from './offer-moderation.ts';

define('passerelle-offer-moderation', PasserelleOfferModeration);

declare global {
  interface HTMLElementTagNameMap {
    'passerelle-offer-moderation': PasserelleOfferModeration;
  }
}
