import { define } from '../core/register.ts';
import { PasserelleCompanySpace } from './company-space.ts';

define('passerelle-company-space', PasserelleCompanySpace);

// The class too, so that dist/<folder>.js exports what it defines (instanceof checks, the manifest's `js` export).
export { PasserelleCompanySpace };

declare global {
  interface HTMLElementTagNameMap {
    'passerelle-company-space': PasserelleCompanySpace;
  }
}
