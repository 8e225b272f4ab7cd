import { define } from '../core/register.ts';
import { PasserelleDirectory } from './directory.ts';

define('passerelle-directory', PasserelleDirectory);

// The class too, so that dist/<folder>.js exports what it defines (instanceof checks, the manifest's `js` export).
export { PasserelleDirectory };

declare global {
  interface HTMLElementTagNameMap {
    'passerelle-directory': PasserelleDirectory;
  }
}
