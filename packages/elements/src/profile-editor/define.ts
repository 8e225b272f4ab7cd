import { define } from '../core/register.ts';
import { PasserelleProfileEditor } from './profile-editor.ts';

define('passerelle-profile-editor', PasserelleProfileEditor);

declare global {
  interface HTMLElementTagNameMap {
    'passerelle-profile-editor': PasserelleProfileEditor;
  }
}
