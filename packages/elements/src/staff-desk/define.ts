import { define } from '../core/register.ts';
import { PasserelleStaffDesk } from './staff-desk.ts';

define('passerelle-staff-desk', PasserelleStaffDesk);

// The class too, so that dist/<folder>.js exports what it defines (instanceof checks, the manifest's `js` export).
export { PasserelleStaffDesk };

declare global {
  interface HTMLElementTagNameMap {
    'passerelle-staff-desk': PasserelleStaffDesk;
  }
}
