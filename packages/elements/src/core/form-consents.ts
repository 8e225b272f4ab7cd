import { nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { FormConsent } from '@passerelle/schema';
import type { PasserelleClient } from './client.ts';
import type { ConsentChoices } from '../consent-inline/choices.ts';
import { ApiError } from './api-error.ts';

interface Options {
  /** The host's `purposes` attribute: keys separated by spaces. */
  purposes(): string;
  client(): PasserelleClient | null;
  /** The component the proof names. */
  component: string;
}

/**
 * The consents a Passerelle form asks for when its host names purposes
 * (`purposes="alumni-news events"`, issue 20 item 1): the choices' code
 * (src/consent-inline/choices.ts) is fetched the first time the form has
 * purposes to show, so that a form without them carries none of it.
 */
export class FormConsents {
  #choices: ConsentChoices | null = null;
  #loading = false;

  constructor(
    readonly host: ReactiveControllerHost & HTMLElement,
    readonly options: Options,
  ) {}

  /** The choices, under their heading; nothing while their code is on its way (a failed fetch is asked again on the next render). */
  render(): TemplateResult | typeof nothing {
    if (this.#choices) return this.#choices.render();
    const { host, options } = this;
    if (options.purposes().trim() && !this.#loading) {
      this.#loading = true;
      import('../consent-inline/choices.ts').then(
        ({ ConsentChoices, purposeKeys }) => {
          this.#choices = new ConsentChoices(host, { ...options, purposes: () => purposeKeys(options.purposes()), heading: true });
          host.requestUpdate();
        },
        () => (this.#loading = false),
      );
    }
    return nothing;
  }

  /** What to add to the form's body: the choices the person changed, if any. */
  body(): { consents?: FormConsent[] } {
    const consents = this.#choices?.changes() ?? [];
    return consents.length > 0 ? { consents } : {};
  }

  /**
   * Sends the form's request with the choices in its body (`body()`). Saved,
   * the boxes then show what is recorded; refused because a text changed
   * (409), the new text is shown; refused otherwise, they keep what the
   * person ticked for the next attempt.
   */
  async send<T>(request: (consents: { consents?: FormConsent[] }) => Promise<T>): Promise<T> {
    try {
      const answer = await request(this.body());
      void this.#choices?.reload();
      return answer;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) void this.#choices?.reload();
      throw error;
    }
  }
}
