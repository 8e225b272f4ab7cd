import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { LitElement } from 'lit';
import * as v from 'valibot';
import { EmailSchema, text } from '@passerelle/schema';
import { FormController } from './form-controller.ts';
import { createClient } from '../core/create-client.ts';
import { ApiError } from '../core/api-error.ts';
import { theme, formStyles } from '../styles/theme.ts';
import { apiConfig, deepActiveElement, keys, shadow, until } from '../testing/index.ts';

const Schema = v.object({
  name: text(50),
  email: EmailSchema,
  age: v.optional(v.pipe(v.number('Enter a number.'), v.minValue(16, 'You must be at least 16.'))),
  role: v.picklist(['student', 'alumnus'], 'Choose a role.'),
  bio: v.optional(v.pipe(v.string(), v.maxLength(10, 'The bio is at most 10 characters.'))),
  agree: v.literal(true, 'You must agree.'),
  start: v.pipe(v.string(), v.isoDate('Enter a date.')),
  channel: v.picklist(['email', 'post'], 'Choose a channel.'),
});
type Output = v.InferOutput<typeof Schema>;

/** A form with every kind of field; `send` is what submit does. */
class TestForm extends LitElement {
  static override styles = [theme, formStyles];
  send: (output: Output) => Promise<void> = async () => {};
  form = new FormController(this, {
    schema: Schema,
    initial: { name: '', email: '', role: '', bio: '', agree: false, start: '' },
    action: 'test',
    issues: { fr: { 'You must agree.': 'Vous devez accepter.' }, en: {} },
    submit: (output) => this.send(output),
  });
  override render() {
    const f = this.form;
    return html`<form part="form" novalidate aria-busy=${f.busy ? 'true' : 'false'} @submit=${f.onSubmit}>
      ${f.summary()}
      ${f.field({ name: 'name', label: 'Name', required: true, autocomplete: 'name' })}
      ${f.field({ name: 'email', type: 'email', label: 'Email', hint: 'Your address', required: true })}
      ${f.field({ name: 'age', type: 'number', label: 'Age', empty: 'omit', min: 0 })}
      ${f.field({ name: 'role', type: 'select', label: 'Role', required: true, options: [{ value: 'student', label: 'Student' }, { value: 'alumnus', label: 'Alumnus' }] })}
      ${f.field({ name: 'bio', type: 'textarea', label: 'Bio', empty: 'omit' })}
      ${f.field({ name: 'agree', type: 'checkbox', label: 'I agree', required: true })}
      ${f.field({ name: 'start', type: 'date', label: 'Start', required: true })}
      ${f.field({ name: 'channel', type: 'radio', label: 'Channel', required: true, options: [{ value: 'email', label: 'Email' }, { value: 'post', label: 'Post' }] })}
      ${f.submitButton('Save')}
    </form>`;
  }
}
customElements.define('test-form', TestForm);

const NameOnly = v.object({ name: text(20) });
class TwoForms extends LitElement {
  static override styles = [theme, formStyles];
  a = new FormController(this, { schema: NameOnly, idPrefix: 'a', submit: async () => {} });
  b = new FormController(this, { schema: NameOnly, idPrefix: 'b', submit: async () => {} });
  override render() {
    return html`${[this.a, this.b].map(
      (f, i) => html`<form class=${i ? 'b' : 'a'} novalidate @submit=${f.onSubmit}>${f.summary()}${f.field({ name: 'name', label: `Name ${i}` })}${f.submitButton('Go')}</form>`,
    )}`;
  }
}
customElements.define('test-two-forms', TwoForms);

/** A variant: each kind has its own field, drawn only for that kind (the schema refuses the other's key). */
const Variant = v.variant('kind', [
  v.strictObject({ kind: v.literal('person'), fullName: text(50) }),
  v.strictObject({ kind: v.literal('company'), companyId: v.pipe(v.string(), v.minLength(1, 'Choose a company.')) }),
]);
class VariantForm extends LitElement {
  static override styles = [theme, formStyles];
  sent: unknown[] = [];
  form = new FormController(this, {
    schema: Variant,
    initial: { kind: 'person', fullName: 'Marc Lefèvre' },
    submit: async (output) => void this.sent.push(output),
  });
  override render() {
    const f = this.form;
    return html`<form novalidate @submit=${f.onSubmit}>
      ${f.summary()}
      ${f.field({ name: 'kind', type: 'select', label: 'On behalf of', options: [{ value: 'person', label: 'Myself' }, { value: 'company', label: 'My company' }] })}
      ${f.get('kind') === 'company'
        ? f.field({ name: 'companyId', type: 'select', label: 'Company', options: [{ value: 'acme', label: 'Acme' }] })
        : f.field({ name: 'fullName', label: 'Full name', autocomplete: 'name' })}
      ${f.submitButton('Send')}
    </form>`;
  }
}
customElements.define('test-variant-form', VariantForm);

function type(el: TestForm, name: string, value: string) {
  const control = shadow<HTMLInputElement>(el, `#${FormController.id(name)}`);
  control.value = value;
  control.dispatchEvent(new Event(control.localName === 'select' ? 'change' : 'input'));
}
function fillValid(el: TestForm) {
  type(el, 'name', '  Inès  ');
  type(el, 'email', ' Ines@Example.ORG ');
  type(el, 'age', '21');
  type(el, 'role', 'student');
  shadow<HTMLInputElement>(el, '#field-agree').click();
  type(el, 'start', '2026-09-01');
  shadow<HTMLInputElement>(el, '#field-channel-1').click();
}
const submit = (el: Element) => shadow<HTMLButtonElement>(el, 'button[type=submit]').click();
const summaryShown = (el: TestForm) => until(() => el.shadowRoot!.activeElement?.hasAttribute('data-error-summary'), 'focused summary');

describe('FormController', () => {
  it('renders labelled native controls of every type, accessibly', async () => {
    const el = await fixture<TestForm>(html`<test-form lang="en"></test-form>`);
    const types = ['text', 'email', 'number', 'select-one', 'textarea', 'checkbox', 'date', 'radio'];
    const names = ['name', 'email', 'age', 'role', 'bio', 'agree', 'start', 'channel'];
    names.forEach((name, i) => {
      const control = shadow<HTMLInputElement>(el, `#${FormController.id(name)}`);
      expect(control.type).to.equal(types[i]);
      if (control.type !== 'radio') expect(shadow(el, `label[for=${control.id}]`)).to.exist;
      else expect(control.closest('label')).to.exist;
      expect(control.hasAttribute('aria-invalid')).to.equal(false);
    });
    expect(shadow(el, '#field-email').getAttribute('aria-describedby')).to.equal('field-email-hint');
    expect(shadow<HTMLInputElement>(el, '#field-name').required).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('on a failed submit: summary focused, links in field order, aria-invalid and described errors', async () => {
    const el = await fixture<TestForm>(html`<test-form lang="en"></test-form>`);
    let sent = 0;
    el.send = async () => void sent++;
    submit(el);
    await summaryShown(el);
    expect(sent).to.equal(0);
    const links = [...el.shadowRoot!.querySelectorAll('[data-error-summary] a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['#field-name', '#field-email', '#field-role', '#field-agree', '#field-start', '#field-channel']);
    // A radio group: the fieldset is described by the error, each radio is invalid.
    expect(shadow(el, 'fieldset').getAttribute('aria-describedby')).to.equal('field-channel-error');
    expect(shadow(el, '#field-channel-1').getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(el, 'fieldset legend').textContent).to.contain('Channel');
    for (const name of ['name', 'email', 'role', 'agree', 'start']) {
      const control = shadow(el, `#field-${name}`);
      expect(control.getAttribute('aria-invalid'), name).to.equal('true');
      expect(control.getAttribute('aria-describedby'), name).to.contain(`field-${name}-error`);
    }
    expect(shadow(el, '#field-email-error').textContent).to.contain('Enter a valid email address, such as name@example.org.');
    expect(shadow(el, '#field-name-error').textContent).to.contain('This field is required.');
    // valibot's own English (“Invalid type: Expected …”) is never shown.
    expect(shadow(el, '[data-error-summary]').textContent).to.not.match(/Invalid|Expected|received/);
    expect(shadow(el, '#field-email').getAttribute('aria-describedby')).to.equal('field-email-hint field-email-error');
    await expect(el).to.be.accessible();
  });

  it('clears an error as soon as the field is fixed, and checks on blur before any submit', async () => {
    const el = await fixture<TestForm>(html`<test-form lang="en"></test-form>`);
    type(el, 'age', '12');
    shadow(el, '#field-age').dispatchEvent(new Event('blur'));
    await until(() => el.shadowRoot!.querySelector('#field-age-error'), 'error on blur');
    expect(shadow(el, '#field-age-error').textContent).to.contain('You must be at least 16.');
    type(el, 'age', '18');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#field-age-error')).to.equal(null);
    expect(shadow(el, '#field-age').hasAttribute('aria-invalid')).to.equal(false);
  });

  it('submits the schema output (trimmed, lowercased, numbers, booleans, optional empties left out)', async () => {
    const el = await fixture<TestForm>(html`<test-form lang="en"></test-form>`);
    let got: Output | undefined;
    el.send = async (o) => void (got = o);
    fillValid(el);
    submit(el);
    await until(() => got, 'submit');
    expect(got).to.deep.equal({ name: 'Inès', email: 'ines@example.org', age: 21, role: 'student', agree: true, start: '2026-09-01', channel: 'post' });
    expect(el.shadowRoot!.querySelector('[data-error-summary]')).to.equal(null);
  });

  it('is busy while submitting and ignores a second submit', async () => {
    const el = await fixture<TestForm>(html`<test-form lang="en"></test-form>`);
    let calls = 0;
    let release!: () => void;
    el.send = () => (calls++, new Promise<void>((r) => (release = r)));
    fillValid(el);
    submit(el);
    await until(() => calls === 1, 'first submit');
    await el.updateComplete;
    const button = shadow(el, 'button[type=submit]');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(shadow(el, 'form').getAttribute('aria-busy')).to.equal('true');
    submit(el);
    shadow<HTMLFormElement>(el, 'form').requestSubmit();
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).to.equal(1);
    release();
    await until(() => !el.form.busy, 'done');
    await el.updateComplete;
    expect(button.getAttribute('aria-disabled')).to.equal('false');
  });

  it('maps a real server 400 (errors[].path) onto the fields and fires passerelle-error', async () => {
    const { api } = await apiConfig();
    const client = createClient({ api, token: () => null });
    const el = await fixture<TestForm>(html`<test-form lang="en"></test-form>`);
    // The client check passes; the server's (same schema) refuses: what an out-of-date client would see.
    el.send = async (o) => {
      await client.rpc.auth.email.$post({ json: { tenant: 'Not A Slug', email: `${o.name}@` } });
    };
    fillValid(el);
    const failed = oneEvent(el, 'passerelle-error');
    submit(el);
    const event = await failed;
    expect(event.detail.action).to.equal('test');
    expect(event.detail.error.status).to.equal(400);
    await summaryShown(el);
    expect(shadow(el, '#field-email').getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(el, '#field-email-error').textContent).to.contain('Enter a valid email address');
    // `tenant` is not a field of this form: its message is listed in the summary without a link, and without the path.
    expect(shadow(el, '[data-error-summary]').textContent).to.contain('Use 1 to 40 lowercase letters');
    expect(shadow(el, '[data-error-summary]').textContent).to.not.contain('tenant');
  });

  it('shows a refusal that is not about a field in the summary', async () => {
    const { api } = await apiConfig();
    const client = createClient({ api, token: () => null });
    const el = await fixture<TestForm>(html`<test-form lang="en"></test-form>`);
    el.send = async () => {
      await client.rpc.me.$get();
    };
    fillValid(el);
    submit(el);
    await summaryShown(el);
    const summary = shadow(el, '[data-error-summary]');
    expect(summary.textContent).to.contain('That did not work');
    expect(summary.textContent).to.contain('Sign in to continue');
    expect(summary.querySelectorAll('a')).to.have.length(0);
  });

  it('words a server refusal by its code in the element’s language, whatever language the browser asked the server for', async () => {
    const { api } = await apiConfig();
    const client = createClient({ api, token: () => null });
    const el = await fixture<TestForm>(html`<test-form></test-form>`);
    let refusal: ApiError | undefined;
    el.send = async () => {
      try {
        await client.rpc.me.$get();
      } catch (err) {
        refusal = err as ApiError;
        throw err;
      }
    };
    fillValid(el);
    submit(el);
    await summaryShown(el);
    // The server answered in the browser's language (English here); the French element says it in French.
    expect(refusal!.problem.detail).to.match(/^Sign in to continue/);
    expect(refusal!.code).to.equal('auth.required');
    const summary = shadow(el, '[data-error-summary]').textContent!;
    expect(summary).to.contain('Connectez-vous pour continuer');
    expect(summary).to.not.contain('Sign in');
    // A code this element does not know: the generic sentence, never the server's detail.
    el.form.showProblem(new ApiError({ type: 'about:blank', title: 'Conflict', status: 409, detail: 'Something only a newer server says.', code: 'offer.fromTheFuture' }));
    await el.updateComplete;
    expect(shadow(el, '[data-error-summary]').textContent).to.contain('L’opération n’a pas abouti');
    expect(shadow(el, '[data-error-summary]').textContent).to.not.contain('newer server');
  });

  it('can be used with the keyboard only: Tab through the fields in order, Enter submits', async () => {
    const el = await fixture<TestForm>(html`<test-form lang="en"></test-form>`);
    let got: Output | undefined;
    el.send = async (o) => void (got = o);
    shadow<HTMLInputElement>(el, '#field-name').focus();
    await keys({ type: 'Claire' });
    await keys({ press: 'Tab' });
    expect(deepActiveElement()?.id).to.equal('field-email');
    await keys({ type: 'claire@example.org' });
    await keys({ press: 'Tab' });
    expect(deepActiveElement()?.id).to.equal('field-age');
    await keys({ press: 'Tab' });
    expect(deepActiveElement()?.id).to.equal('field-role');
    await keys({ press: 'ArrowDown' });
    await keys({ press: 'Tab' });
    expect(deepActiveElement()?.id).to.equal('field-bio');
    await keys({ press: 'Tab' });
    expect(deepActiveElement()?.id).to.equal('field-agree');
    await keys({ press: 'Space' });
    await keys({ press: 'Tab' });
    expect(deepActiveElement()?.id).to.equal('field-start');
    // Enter in a text field submits; the date is missing, so the summary takes focus…
    shadow<HTMLInputElement>(el, '#field-name').focus();
    await keys({ press: 'Enter' });
    await summaryShown(el);
    expect(got).to.equal(undefined);
    // …and its link takes the keyboard to the field.
    shadow<HTMLAnchorElement>(el, '[data-error-summary] a').focus();
    await keys({ press: 'Enter' });
    expect(deepActiveElement()?.id).to.equal('field-start');
    type(el, 'start', '2026-10-01');
    // (Tab walks through a date input's day/month/year segments first.)
    shadow<HTMLInputElement>(el, '#field-channel').focus();
    await keys({ press: 'ArrowDown' });
    expect(deepActiveElement()?.id).to.equal('field-channel-1');
    shadow<HTMLInputElement>(el, '#field-name').focus();
    await keys({ press: 'Enter' });
    await until(() => got, 'submit');
    expect(got!.channel).to.equal('post');
    expect(got!.role).to.equal('student');
    expect(got!.agree).to.equal(true);
  });

  it('reset() puts new values in every control, even after the person typed', async () => {
    const el = await fixture<TestForm>(html`<test-form lang="en"></test-form>`);
    fillValid(el);
    await el.updateComplete;
    el.form.reset({ name: 'Claire', email: 'c@example.org', role: 'alumnus', agree: false, start: '2027-01-02', channel: 'email' });
    await el.updateComplete;
    expect(shadow<HTMLInputElement>(el, '#field-name').value).to.equal('Claire');
    expect(shadow<HTMLSelectElement>(el, '#field-role').value).to.equal('alumnus');
    expect(shadow<HTMLInputElement>(el, '#field-agree').checked).to.equal(false);
    expect(shadow<HTMLInputElement>(el, '#field-age').value).to.equal('');
    expect(shadow<HTMLInputElement>(el, '#field-channel').checked).to.equal(true);
    expect(shadow<HTMLInputElement>(el, '#field-start').value).to.equal('2027-01-02');
  });

  it('speaks French by default and switches with lang, schema messages included', async () => {
    const el = await fixture<TestForm>(html`<test-form></test-form>`);
    submit(el);
    await summaryShown(el);
    expect(shadow(el, '.error-summary-title').textContent).to.equal('Le formulaire contient des erreurs');
    expect(shadow(el, '#field-email-error').textContent).to.contain('Saisissez une adresse e-mail valide');
    expect(shadow(el, '#field-agree-error').textContent).to.contain('Vous devez accepter.');
    // A schema sentence the form does not word itself: its generic code in French, never the English.
    expect(shadow(el, '#field-name-error').textContent).to.contain('Ce champ est obligatoire.');
    expect(shadow(el, '#field-channel-error').textContent).to.contain('Choisissez « email » ou « post ».');
    expect(shadow(el, '[data-error-summary]').textContent).to.not.match(/required|Choose|Invalid|Expected/);
    el.setAttribute('lang', 'en');
    await until(() => shadow(el, '.error-summary-title').textContent === 'There is a problem', 'English');
    // Messages already shown switch too, without a new submit.
    expect(shadow(el, '#field-agree-error').textContent).to.contain('You must agree.');
    expect(shadow(el, '#field-email-error').textContent).to.contain('Enter a valid email address');
  });

  it('leaves out of the body a field that is no longer drawn, however many renders later, and keeps what was typed in it', async () => {
    const el = await fixture<VariantForm>(html`<test-variant-form lang="en"></test-variant-form>`);
    const choose = (name: string, value: string) => {
      const control = shadow<HTMLInputElement | HTMLSelectElement>(el, `[name="${name}"]`);
      control.value = value;
      control.dispatchEvent(new Event(control.localName === 'select' ? 'change' : 'input'));
    };
    choose('kind', 'company');
    // Renders that have nothing to do with the switch: the hidden name must stay out of the body.
    for (let i = 0; i < 3; i++) {
      el.requestUpdate();
      await el.updateComplete;
    }
    expect(el.shadowRoot!.querySelector('[name=fullName]') === null, 'the name field is hidden').to.equal(true);
    // Sent without a company: the company field is in error, nothing about the hidden name.
    submit(el);
    await until(() => el.shadowRoot!.activeElement?.hasAttribute('data-error-summary'), 'focused summary');
    const summary = shadow(el, '[data-error-summary]').textContent!;
    expect(summary).to.contain('Choose a company.');
    expect(summary).to.not.contain('fullName');
    expect(summary).to.not.contain('Invalid key');
    choose('companyId', 'acme');
    submit(el);
    await until(() => el.sent.length === 1, 'sent');
    expect(el.sent[0]).to.deep.equal({ kind: 'company', companyId: 'acme' });
    // Back to "myself": the name typed before is still there, and only it is sent.
    choose('kind', 'person');
    await el.updateComplete;
    expect(shadow<HTMLInputElement>(el, '[name=fullName]').value).to.equal('Marc Lefèvre');
    submit(el);
    await until(() => el.sent.length === 2, 'sent again');
    expect(el.sent[1]).to.deep.equal({ kind: 'person', fullName: 'Marc Lefèvre' });
  });

  it('does not list in the summary the error of a field that is no longer drawn', async () => {
    const el = await fixture<VariantForm>(html`<test-variant-form lang="en"></test-variant-form>`);
    shadow<HTMLSelectElement>(el, '[name=kind]').value = 'company';
    shadow(el, '[name=kind]').dispatchEvent(new Event('change'));
    await el.updateComplete;
    submit(el);
    await until(() => el.shadowRoot!.activeElement?.hasAttribute('data-error-summary'), 'focused summary');
    expect(shadow(el, '[data-error-summary]').textContent).to.contain('Choose a company.');
    shadow<HTMLSelectElement>(el, '[name=kind]').value = 'person';
    shadow(el, '[name=kind]').dispatchEvent(new Event('change'));
    await el.updateComplete;
    await el.updateComplete;
    const summary = el.shadowRoot!.querySelector('[data-error-summary]');
    expect(summary?.textContent ?? '').to.not.contain('company');
    await expect(el).to.be.accessible();
  });

  it('keeps two forms of one element apart (idPrefix, own summary)', async () => {
    const el = await fixture<TwoForms>(html`<test-two-forms lang="en"></test-two-forms>`);
    shadow<HTMLFormElement>(el, 'form.b').requestSubmit();
    await until(() => el.shadowRoot!.activeElement?.hasAttribute('data-error-summary'), 'summary');
    const summary = el.shadowRoot!.activeElement!;
    expect(summary.closest('form')!.classList.contains('b')).to.equal(true);
    expect(summary.querySelector('a')!.getAttribute('href')).to.equal('#b-field-name');
    expect(el.shadowRoot!.querySelectorAll('[id]').length).to.equal(new Set([...el.shadowRoot!.querySelectorAll('[id]')].map((e) => e.id)).size);
    await expect(el).to.be.accessible();
  });
});
