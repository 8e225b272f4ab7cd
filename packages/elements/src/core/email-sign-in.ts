import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import * as v from 'valibot';
import { EmailSignInSchema, VerifyCodeSchema } from '@passerelle/schema';
import type { Auth } from './auth.ts';
import { linkSignIn, type LinkSignIn } from '../portal/link.ts';
import { FormController } from '../forms/form-controller.ts';
import { LocaleController } from '../i18n/locale-controller.ts';
import { fr } from '../i18n/translations/fr.ts';
import { english } from '../i18n/translations/english.ts';

// The same field schemas as the server's request bodies.
const EmailStep = v.object({ email: EmailSignInSchema.entries.email });
const CodeStep = v.object({ code: VerifyCodeSchema.entries.code });

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The sign-in-by-email-code form (email → code → signed in), for the portal
 * and for components used alone without an identity token. It also takes
 * the link from a message the page was opened with (`?passerelle-link=`,
 * portal/link.ts): traded for a session, or, used or expired, the offer of
 * a fresh one above the form.
 */
export class EmailSignIn implements ReactiveController {
  readonly #host: Host;
  readonly #auth: () => Auth | null;
  readonly #l10n: LocaleController<typeof fr>;
  #step: 'email' | 'code' = 'email';
  #email = '';
  readonly #emailForm: FormController<typeof EmailStep>;
  readonly #codeForm: FormController<typeof CodeStep>;
  readonly #link: LinkSignIn | null;

  constructor(host: Host, auth: () => Auth | null) {
    this.#host = host;
    this.#auth = auth;
    this.#l10n = new LocaleController(host, { fr, en: english });
    this.#emailForm = new FormController(host, {
      schema: EmailStep,
      action: 'sign-in',
      submit: async ({ email }) => {
        await this.#need().requestCode(email);
        this.#email = email;
        this.#go('code');
      },
    });
    this.#codeForm = new FormController(host, {
      schema: CodeStep,
      action: 'sign-in',
      submit: async ({ code }) => {
        await this.#need().verifyCode(this.#email, code);
        this.#step = 'email';
        this.#codeForm.reset();
      },
    });
    host.addController(this);
    this.#link = linkSignIn(host, auth);
  }

  hostConnected(): void {}

  /** Which step is shown. */
  get step(): 'email' | 'code' {
    return this.#step;
  }

  #need(): Auth {
    const auth = this.#auth();
    if (!auth) throw new Error('Set the api and tenant attributes before signing in.');
    return auth;
  }

  async #go(step: 'email' | 'code'): Promise<void> {
    this.#step = step;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    // The new step's first field takes focus, so keyboard users continue where they are.
    (this.#host.shadowRoot ?? this.#host).querySelector<HTMLElement>(`#${FormController.id(step)}`)?.focus();
  }

  render(message?: string): TemplateResult {
    const t = this.#l10n.t.signIn;
    const note = message ? html`<p part="message" class="message" role="status">${message}</p>` : nothing;
    const link = this.#link?.render() ?? nothing;
    if (this.#step === 'code') {
      return html`${link}<section part="sign-in" class="sign-in" aria-labelledby="sign-in-title">
        <h2 id="sign-in-title" part="title">${t.title}</h2>
        <form part="form" novalidate aria-busy=${this.#codeForm.busy ? 'true' : 'false'} @submit=${this.#codeForm.onSubmit}>
          ${this.#codeForm.summary()}
          ${this.#codeForm.field({ name: 'code', label: t.code, hint: t.codeHint(this.#email), required: true, autocomplete: 'one-time-code', maxlength: 20 })}
          <div class="actions">
            ${this.#codeForm.submitButton(t.verify)}
            <button part="button" type="button" class="link" @click=${() => this.#go('email')}>${t.otherEmail}</button>
          </div>
        </form>
      </section>`;
    }
    return html`${link}<section part="sign-in" class="sign-in" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title" part="title">${t.title}</h2>
      ${note}
      <p>${t.intro}</p>
      <form part="form" novalidate aria-busy=${this.#emailForm.busy ? 'true' : 'false'} @submit=${this.#emailForm.onSubmit}>
        ${this.#emailForm.summary()}
        ${this.#emailForm.field({ name: 'email', type: 'email', label: t.email, hint: t.emailHint, required: true, autocomplete: 'email' })}
        ${this.#emailForm.submitButton(t.sendCode)}
      </form>
    </section>`;
  }
}
