import { define } from '../core/register.ts';
import { PasserelleOfferBoard } from './offer-board.ts';

define('passerelle-offer-board', PasserelleOfferBoard);

// The class too, so that dist/<folder>.js exports what it defines (instanceof checks, the manifest's `js` export).
export { PasserelleOfferBoard };

declare global {
  interface HTMLElementTagNameMap {
    'passerelle-offer-board': PasserelleOfferBoard;
  }
}
