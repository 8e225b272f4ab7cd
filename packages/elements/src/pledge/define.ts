import { define } from '../core/register.ts';
import { PasserellePledge } from './pledge.ts';

define('passerelle-pledge', PasserellePledge);

declare global {
  interface HTMLElementTagNameMap {
    'passerelle-pledge': PasserellePledge;
  }
}
