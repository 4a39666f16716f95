import { expect, fixture } from '@open-wc/testing';
import { html, render } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { getByLabelText, getByText } from '../support/dom.js';
import { pageFixture } from '../support/fixtures.js';
import { typeInto } from '../support/interaction.js';
import { textField, type TextFieldOptions } from '../../src/pages/text-field.js';
import '../../src/components/password-toggle.js';

const base: TextFieldOptions = {
  id: 'email',
  label: 'Email Address',
  value: '',
  autocomplete: 'username',
};

/** Renders one field into a themed light-DOM container, as a page would. */
async function field(options: Partial<TextFieldOptions> = {}) {
  const el = await pageFixture<HTMLFormElement>(
    html`<form>${textField({ ...base, ...options })}</form>`,
  );
  return { el, input: getByLabelText(el, options.label ?? base.label) as HTMLInputElement };
}

describe('textField', () => {
  it('is accessible', async () => {
    const { el } = await field({ hint: 'The one you signed up with.' });
    await expect(el).to.be.accessible();
  });

  it('is accessible with an error', async () => {
    const { el } = await field({ error: 'Please enter your email' });
    await expect(el).to.be.accessible();
  });

  it('renders a labelled input with the given id, name and value', async () => {
    const { input } = await field({ value: 'ada@contoso.example' });
    expect(input.id).to.equal('email');
    expect(input.name).to.equal('email');
    expect(input.value).to.equal('ada@contoso.example');
    expect(input.type).to.equal('text');
  });

  for (const autocomplete of [
    'username',
    'current-password',
    'new-password',
    'one-time-code',
  ] as const) {
    it(`sets autocomplete="${autocomplete}"`, async () => {
      const { input } = await field({ autocomplete });
      expect(input.getAttribute('autocomplete')).to.equal(autocomplete);
    });
  }

  it('renders a password input when asked', async () => {
    const { input } = await field({
      id: 'password',
      label: 'Password',
      type: 'password',
      autocomplete: 'current-password',
    });
    expect(input.type).to.equal('password');
  });

  it('sets inputmode when given', async () => {
    const { input } = await field({ inputmode: 'email' });
    expect(input.getAttribute('inputmode')).to.equal('email');
  });

  it('leaves inputmode out when not given', async () => {
    const { input } = await field();
    expect(input.hasAttribute('inputmode')).to.equal(false);
  });

  it('turns off spellcheck and autocapitalisation, which would leak or mangle credentials', async () => {
    const { input } = await field();
    expect(input.getAttribute('spellcheck')).to.equal('false');
    expect(input.getAttribute('autocapitalize')).to.equal('none');
  });

  it('is valid and described by nothing without a hint or an error', async () => {
    const { input } = await field();
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(input.hasAttribute('aria-describedby')).to.equal(false);
  });

  it('ties a hint to the input with aria-describedby', async () => {
    const { el, input } = await field({ hint: 'The one you signed up with.' });
    const hint = getByText(el, 'The one you signed up with.');
    expect(input.getAttribute('aria-describedby')).to.equal('email-hint');
    expect(hint.id).to.equal('email-hint');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
  });

  it('marks the input invalid and ties the error to it', async () => {
    const { el, input } = await field({ error: 'Please enter your email' });
    const error = getByText(el, 'Please enter your email');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal(error.id);
    expect(error.id).to.equal('email-error');
  });

  it('ties both hint and error, hint first', async () => {
    const { input } = await field({ hint: 'A hint', error: 'An error' });
    expect(input.getAttribute('aria-describedby')).to.equal('email-hint email-error');
  });

  it('accepts a template as its hint', async () => {
    const { el } = await field({
      hint: html`<ul>
        <li>At least 15 characters</li>
      </ul>`,
    });
    expect(getByText(el, 'At least 15 characters').closest('#email-hint')).to.exist;
  });

  it('reports every keystroke through onInput', async () => {
    const typed: string[] = [];
    const { input } = await field({ onInput: (value) => typed.push(value) });
    await typeInto(input, 'ada');
    expect(typed).to.deep.equal(['a', 'ad', 'ada']);
  });

  it('can be read-only: focusable and readable, but not editable', async () => {
    const typed: string[] = [];
    const { input } = await field({
      value: 'ada@contoso.example',
      readonly: true,
      onInput: (value) => typed.push(value),
    });
    expect(input.readOnly).to.equal(true);
    input.focus();
    expect(document.activeElement).to.equal(input);
    await sendKeys({ type: 'x' });
    expect(input.value).to.equal('ada@contoso.example');
    expect(typed).to.deep.equal([]);
  });

  it('puts extra content inside the field, after the input', async () => {
    const { el, input } = await field({
      id: 'password',
      label: 'Password',
      type: 'password',
      autocomplete: 'current-password',
      extra: html`<gate-password-toggle for="password"></gate-password-toggle>`,
    });
    const toggle = el.querySelector('gate-password-toggle')!;
    expect(input.nextElementSibling).to.equal(toggle);
    expect(toggle.closest('.gate-field') === input.closest('.gate-field'), 'same field').to.equal(
      true,
    );
  });

  it('renders into the light DOM of its container', async () => {
    const { input } = await field({ type: 'password', autocomplete: 'current-password' });
    expect(input.getRootNode()).to.equal(document);
  });

  it('keeps the DOM value in step with the value it is given (live)', async () => {
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const draw = (value: string) => render(textField({ ...base, value }), container);
    draw('');
    const input = getByLabelText(container, 'Email Address') as HTMLInputElement;
    await typeInto(input, 'typed by the user');
    draw('');
    expect(input.value).to.equal('');
  });

  it('renders label, hint and error as text, never as markup', async () => {
    const markup = '<img src=x onerror="window.__gateXss = 1">';
    const { el } = await field({ label: markup, hint: markup, error: markup });
    expect(el.querySelector('img')).to.equal(null);
    expect(el.querySelector('label')!.textContent).to.equal(markup);
  });
});
