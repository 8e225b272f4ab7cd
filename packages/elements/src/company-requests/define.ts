import { define } from '../core/register.ts';
import { PasserelleCompanyRequests } from './company-requests.ts';

define('passerelle-company-requests', PasserelleCompanyRequests);

declare global {
  interface HTMLElementTagNameMap {
    'passerelle-company-requests': PasserelleCompanyRequests;
  }
}
