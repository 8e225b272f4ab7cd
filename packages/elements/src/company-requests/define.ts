import { define } from '../core/register.ts';
import { PasserelleCompanyRequests } from './company-requests.ts';

define('passerelle-company-requests', PasserelleCompanyRequests);

// The class too, so that dist/<folder>.js exports what it defines (instanceof checks, the manifest's `js` export).
export { PasserelleCompanyRequests };

declare global {
  interface HTMLElementTagNameMap {
    'passerelle-company-requests': PasserelleCompanyRequests;
  }
}
