import { define } from '../core/register.ts';
import { PasserellePortal } from './portal.ts';

define('passerelle-portal', PasserellePortal);

// The class too, so that dist/<folder>.js exports what it defines (instanceof checks, the manifest's `js` export).
export { PasserellePortal };

declare global {
  interface HTMLElementTagNameMap {
    'passerelle-portal': PasserellePortal;
  }
}
