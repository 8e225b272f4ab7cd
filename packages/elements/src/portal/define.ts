import { define } from '../core/register.ts';
import { PasserellePortal } from './portal.ts';

define('passerelle-portal', PasserellePortal);

declare global {
  interface HTMLElementTagNameMap {
    'passerelle-portal': PasserellePortal;
  }
}
