import { html, type TemplateResult } from 'lit';
import { AuthOwner, type SessionHost } from './auth-owner.ts';
import { problemText } from './api-error.ts';
import { EmailSignIn } from './email-sign-in.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { fr } from '../i18n/translations/fr.ts';
import { english } from '../i18n/translations/english.ts';

/**
 * A component's own session, used alone (no portal around it): its
 * {@link AuthOwner} and, before the person is signed in, the "signing in"
 * note or the email sign-in form. Its module is imported dynamically by
 * {@link SessionController}: a component inside `<passerelle-portal>` uses
 * the portal's session and never downloads the sign-in, renewal and
 * typed-client code (dist/chunks/, fetched when a component finds no portal
 * and has `api` and `tenant`).
 */
export class OwnSession {
  readonly owner: AuthOwner;
  readonly #host: SessionHost;
  readonly #signIn: EmailSignIn;
  readonly #l10n: LocaleController<typeof fr>;

  constructor(host: SessionHost, onChange: () => void) {
    this.#host = host;
    this.owner = new AuthOwner(host, onChange);
    this.#signIn = new EmailSignIn(host, () => this.owner.auth);
    this.#l10n = new LocaleController(host, { fr, en: english });
  }

  /** Signed out: "signing in", or the email form with a note (expired session, refused identity token). */
  render(): TemplateResult {
    const t = this.#l10n.t.signIn;
    const state = this.owner.auth?.state;
    if (state?.status === 'signing-in') return html`<p part="status" role="status">${t.signingIn}</p>`;
    const expired = state?.status === 'signed-out' && state.reason && state.reason !== 'user';
    const refusal = this.owner.error;
    return this.#signIn.render(refusal ? problemText(refusal, this.#host) : expired ? t.expired : undefined);
  }
}
