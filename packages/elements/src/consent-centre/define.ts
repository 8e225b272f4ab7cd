import { define } from '../core/register.ts';
import { PasserelleConsentCentre } from './consent-centre.ts';

define('passerelle-consent-centre', PasserelleConsentCentre);

declare global {
  interface HTMLElementTagNameMap {
    'passerelle-consent-centre': PasserelleConsentCentre;
  }
}
