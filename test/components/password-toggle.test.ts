import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { getByLabelText, getByRole } from '../support/dom.js';
import { pageFixture } from '../support/fixtures.js';
import { typeInto } from '../support/interaction.js';
import '../../src/components/password-toggle.js';

/** A password input and the toggle for `toggleFor`, side by side as a page renders them. */
const inputAndToggle = (toggleFor = 'pw') =>
  html`<label for="pw">Password</label>
    <input id="pw" type="password" autocomplete="current-password" />
    <gate-password-toggle for=${toggleFor}></gate-password-toggle>`;

/** A password field in light DOM, its parts found by label and role. */
async function passwordField() {
  const el = await pageFixture<HTMLDivElement>(html`<div>${inputAndToggle()}</div>`);
  const toggle = el.querySelector('gate-password-toggle')!;
  await toggle.updateComplete;
  return {
    el,
    toggle,
    input: getByLabelText(el, 'Password') as HTMLInputElement,
    button: getByRole(el, 'button', { name: 'Show password' }),
  };
}

describe('gate-password-toggle', () => {
  it('is accessible', async () => {
    const { el } = await passwordField();
    await expect(el).to.be.accessible();
  });

  it('is accessible while the password is shown', async () => {
    const { el, button } = await passwordField();
    button.click();
    await expect(el).to.be.accessible();
  });

  it('renders a "Show password" switch that controls its input and starts unpressed', async () => {
    const { button, input } = await passwordField();
    expect(button.getAttribute('type')).to.equal('button');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(button.getAttribute('aria-controls')).to.equal('pw');
    expect(input.type).to.equal('password');
  });

  it('flips the input type and aria-pressed each time it is pressed', async () => {
    const { toggle, button, input } = await passwordField();
    button.click();
    await toggle.updateComplete;
    expect(input.type).to.equal('text');
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    button.click();
    await toggle.updateComplete;
    expect(input.type).to.equal('password');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
  });

  it('works by keyboard: Tab from the field, then Space or Enter', async () => {
    const { toggle, button, input } = await passwordField();
    await typeInto(input, 'hunter2 hunter2');
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(button);
    await sendKeys({ press: 'Space' });
    await toggle.updateComplete;
    expect(input.type).to.equal('text');
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    await toggle.updateComplete;
    expect(input.type).to.equal('password');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(input.value).to.equal('hunter2 hunter2');
  });

  it('never submits the form it sits in', async () => {
    const el = await pageFixture<HTMLFormElement>(html`<form>${inputAndToggle()}</form>`);
    let submits = 0;
    el.addEventListener('submit', (event) => {
      event.preventDefault();
      submits += 1;
    });
    const toggle = el.querySelector('gate-password-toggle')!;
    await toggle.updateComplete;
    getByRole(el, 'button', { name: 'Show password' }).click();
    await toggle.updateComplete;
    expect(submits).to.equal(0);
  });

  it('never owns the input: no shadow root, the input stays outside it in the document', async () => {
    const { toggle, input, button } = await passwordField();
    expect(toggle.shadowRoot).to.equal(null);
    expect(toggle.contains(input)).to.equal(false);
    expect(toggle.contains(button)).to.equal(true);
    expect(input.getRootNode()).to.equal(document);
  });

  it('finds its input inside the same shadow root', async () => {
    const host = await pageFixture<HTMLDivElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    render(
      html`<label for="pw">Password</label><input id="pw" type="password" />
        <gate-password-toggle for="pw"></gate-password-toggle>`,
      root,
    );
    const toggle = root.querySelector('gate-password-toggle')!;
    await toggle.updateComplete;
    const input = root.querySelector('input')!;
    root.querySelector('button')!.click();
    await toggle.updateComplete;
    expect(input.type).to.equal('text');
  });

  it('only reveals the input it is for', async () => {
    const el = await pageFixture<HTMLDivElement>(
      html`<div>
        <label for="a">New Password</label>
        <input id="a" type="password" autocomplete="new-password" />
        <gate-password-toggle for="a"></gate-password-toggle>
        <label for="b">Confirm New Password</label>
        <input id="b" type="password" autocomplete="new-password" />
        <gate-password-toggle for="b"></gate-password-toggle>
      </div>`,
    );
    const [first, second] = el.querySelectorAll('gate-password-toggle');
    await first.updateComplete;
    await second.updateComplete;
    second.querySelector('button')!.click();
    await second.updateComplete;
    expect((getByLabelText(el, 'New Password') as HTMLInputElement).type).to.equal('password');
    expect((getByLabelText(el, 'Confirm New Password') as HTMLInputElement).type).to.equal('text');
  });

  it('touches no other input when the one it is for is missing', async () => {
    const el = await pageFixture<HTMLDivElement>(html`<div>${inputAndToggle('nowhere')}</div>`);
    const toggle = el.querySelector('gate-password-toggle')!;
    await toggle.updateComplete;
    getByRole(el, 'button', { name: 'Show password' }).click();
    await toggle.updateComplete;
    expect((getByLabelText(el, 'Password') as HTMLInputElement).type).to.equal('password');
  });

  it('hides the password again once the field is taken away and brought back', async () => {
    const { el, toggle, button, input } = await passwordField();
    button.click();
    await toggle.updateComplete;
    expect(input.type).to.equal('text');
    const parent = el.parentElement!;
    el.remove();
    await toggle.updateComplete;
    parent.append(el);
    await toggle.updateComplete;
    expect(input.type).to.equal('password');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
  });

  it('hides the password again when only the toggle is taken away', async () => {
    const { el, toggle, button, input } = await passwordField();
    button.click();
    await toggle.updateComplete;
    toggle.remove();
    await toggle.updateComplete;
    expect(input.type).to.equal('password');
    el.append(toggle);
    await toggle.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('false');
  });
});
