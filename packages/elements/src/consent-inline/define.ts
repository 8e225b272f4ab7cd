import { define } from '../core/register.ts';
import { PasserelleConsentInline } from './consent-inline.ts';

define('passerelle-consent-inline', PasserelleConsentInline);

// The class too, so that dist/<folder>.js exports what it defines (instanceof checks, the manifest's `js` export).
export { PasserelleConsentInline };

declare global {
  interface HTMLElementTagNameMap {
    'passerelle-consent-inline': PasserelleConsentInline;
  }
}
