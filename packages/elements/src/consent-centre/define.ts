import { define } from '../core/register.ts';
import { PasserelleConsentCentre } from './consent-centre.ts';

define('passerelle-consent-centre', PasserelleConsentCentre);

// The class too, so that dist/<folder>.js exports what it defines (instanceof checks, the manifest's `js` export).
export { PasserelleConsentCentre };

declare global {
  interface HTMLElementTagNameMap {
    'passerelle-consent-centre': PasserelleConsentCentre;
  }
}
