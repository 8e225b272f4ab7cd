import { define } from '../core/register.ts';
import { PasserelleOfferForm } from './offer-form.ts';

define('passerelle-offer-form', PasserelleOfferForm);

// The class too, so that dist/<folder>.js exports what it defines (instanceof checks, the manifest's `js` export).
export { PasserelleOfferForm };

declare global {
  interface HTMLElementTagNameMap {
    'passerelle-offer-form': PasserelleOfferForm;
  }
}
