import { define } from '../core/register.ts';
import { PasserelleProfileEditor } from './profile-editor.ts';

define('passerelle-profile-editor', PasserelleProfileEditor);

// The class too, so that dist/<folder>.js exports what it defines (instanceof checks, the manifest's `js` export).
export { PasserelleProfileEditor };

declare global {
  interface HTMLElementTagNameMap {
    'passerelle-profile-editor': PasserelleProfileEditor;
  }
}
