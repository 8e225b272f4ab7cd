import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { IdentityTokenSource } from './auth.ts';
import { SessionController } from './session-controller.ts';
import { theme, formStyles } from '../styles/theme.ts';

/**
 * Base class of the domain components: the standalone attributes (`api`,
 * `tenant`) and identity properties, a {@link SessionController} as
 * `this.session`, and the shared theme and form styles.
 *
 * Every component renders these parts too: its forms, and the sign-in it
 * shows when used alone without a session.
 *
 * Used alone (no portal around it), a component owns its session and tells
 * the page about it as the portal would:
 * @event passerelle-signed-in - Used alone: the person is signed in. `detail: { me, method }`.
 * @event passerelle-signed-out - Used alone: the session ended. `detail: { reason: 'user' | 'expired' | 'revoked' }`.
 *
 * @csspart sign-in - The sign-in section (a component used alone, signed out).
 * @csspart title - The sign-in heading.
 * @csspart message - A note above the sign-in form (expired session, refused token).
 * @csspart status - A polite status line ("Signing in…", saved, confirmed).
 * @csspart form - A form.
 * @csspart field - A field (label, hint, error and control).
 * @csspart label - A field's label.
 * @csspart hint - A field's hint.
 * @csspart input - A native control.
 * @csspart option - One choice of a group of radio buttons.
 * @csspart field-error - A field's error message.
 * @csspart error-summary - The list of errors shown after a failed submit.
 * @csspart error-link - A link in the error summary.
 * @csspart button - Any button.
 * @csspart submit - A form's submit button.
 *
 * @cssprop --passerelle-color-primary - Buttons, links and focus accents.
 * @cssprop --passerelle-color-on-primary - Text on primary buttons.
 * @cssprop --passerelle-color-surface - Background.
 * @cssprop --passerelle-color-text - Text.
 * @cssprop --passerelle-color-muted - Hints and secondary text.
 * @cssprop --passerelle-color-danger - Errors.
 * @cssprop --passerelle-color-border - Field borders.
 * @cssprop --passerelle-color-focus - Focus ring.
 * @cssprop --passerelle-radius - Corner radius.
 * @cssprop --passerelle-font - Font shorthand (default: inherit the page's).
 * @cssprop --passerelle-spacing - Base spacing.
 */
export class PasserelleElement extends LitElement {
  static override styles = [theme, formStyles];

  /** Base URL of the API, when used outside `<passerelle-portal>`. */
  @property() api?: string;

  /** The institution's slug, when used outside `<passerelle-portal>`. */
  @property() tenant?: string;

  /** A host-signed identity token (JWT), when used outside `<passerelle-portal>`. */
  @property({ attribute: false }) identityToken?: string;

  /** Supplies fresh identity tokens, when used outside `<passerelle-portal>`. */
  @property({ attribute: false }) getIdentityToken?: IdentityTokenSource;

  /** The session: from the portal, or the component's own. */
  protected readonly session = new SessionController(this);
}
