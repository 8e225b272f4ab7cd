import { define } from '../core/register.ts';
import { PasserellePledge } from './pledge.ts';

define('passerelle-pledge', PasserellePledge);

// The class too, so that dist/<folder>.js exports what it defines (instanceof checks, the manifest's `js` export).
export { PasserellePledge };

declare global {
  interface HTMLElementTagNameMap {
    'passerelle-pledge': PasserellePledge;
  }
}
