import { define } from '../core/register.ts';
import { PasserelleOfferForm } from './offer-form.ts';

define('passerelle-offer-form', PasserelleOfferForm);

declare global {
  interface HTMLElementTagNameMap {
    'passerelle-offer-form': PasserelleOfferForm;
  }
}
