import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { typeInto } from '../support/interaction.js';
import { getByLabelText, getByRole, within } from '../support/dom.js';
import { nextEvent, pageFixture } from '../support/fixtures.js';
import { getLocale, setLocale } from '../../src/i18n/localization.js';
import { LocaleChangeEvent } from '../../src/events/locale-change-event.js';
import type { GateLocalePicker } from '../../src/components/locale-picker.js';
import '../../src/components/locale-picker.js';
import '../../src/pages/sign-in-page.js';

const render = (template = html`<gate-locale-picker value="en"></gate-locale-picker>`) =>
  pageFixture<GateLocalePicker>(template);

/** The picker's select, found by its label as a user finds it. */
const menu = (picker: GateLocalePicker, label = 'Language') =>
  within(picker.shadowRoot as unknown as HTMLElement).getByLabelText(label) as HTMLSelectElement;

/** Picks an option the way the browser reports a user's pick. */
function pick(select: HTMLSelectElement, value: string) {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('gate-locale-picker', () => {
  afterEach(() => setLocale('en'));

  it('offers the locales of its attribute (a JSON list), and none it does not ship', async () => {
    const el = await render(
      html`<gate-locale-picker locales='["sv","en","xx"]' value="sv"></gate-locale-picker>`,
    );
    const options = [...menu(el).options];
    expect(options.map((option) => option.value)).to.deep.equal(['sv', 'en']);
    expect(menu(el).value).to.equal('sv');
  });

  it('is accessible', async () => {
    const el = await render();
    await expect(el).to.be.accessible();
  });

  it('names each language in its own language', async () => {
    const el = await render();
    const options = [...menu(el).options].map((o) => [o.value, o.lang, o.textContent?.trim()]);
    expect(options).to.deep.equal([
      ['en', 'en', 'English'],
      ['nl', 'nl', 'Nederlands'],
      ['sv', 'sv', 'Svenska'],
    ]);
    expect(menu(el).value).to.equal('en');
  });

  it('offers only the given locales and shows the active one', async () => {
    const el = await render(html`<gate-locale-picker value="sv"></gate-locale-picker>`);
    el.locales = ['nl', 'sv'];
    await el.updateComplete;
    expect([...menu(el).options].map((o) => o.value)).to.deep.equal(['nl', 'sv']);
    expect(menu(el).value).to.equal('sv');
    el.value = 'nl';
    await el.updateComplete;
    expect(menu(el).value).to.equal('nl');
  });

  it('translates its label but not the language names', async () => {
    const el = await render();
    await setLocale('nl');
    expect(menu(el, 'Taal').options[0].textContent?.trim()).to.equal('English');
    await setLocale('sv');
    expect(menu(el, 'Språk').options[1].textContent?.trim()).to.equal('Nederlands');
  });

  it('asks for a switch with a bubbling, composed event and switches nothing itself', async () => {
    const el = await render();
    const event = nextEvent(document, 'gate-locale-change');
    pick(menu(el), 'sv');
    const received = await event;
    expect(received).to.be.instanceOf(LocaleChangeEvent);
    expect(received.locale).to.equal('sv');
    expect(received.bubbles && received.composed).to.equal(true);
    expect(getLocale()).to.equal('en');
    expect(el.value).to.equal('en');
  });

  it('can be operated with the keyboard', async () => {
    const el = await render();
    const event = nextEvent(el, 'gate-locale-change');
    menu(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    expect((await event).locale).to.equal('nl');
  });

  it('stays quiet when the active language is picked again', async () => {
    const el = await render();
    let count = 0;
    el.addEventListener('gate-locale-change', () => (count += 1));
    pick(menu(el), 'en');
    expect(count).to.equal(0);
  });

  it('switches a page when its owner follows the event, keeping what was typed', async () => {
    const container = await pageFixture<HTMLElement>(
      html`<div>
        <gate-locale-picker value="en"></gate-locale-picker>
        <gate-sign-in-page></gate-sign-in-page>
      </div>`,
    );
    const picker = container.querySelector('gate-locale-picker') as GateLocalePicker;
    const page = container.querySelector('gate-sign-in-page') as HTMLElement;
    // What <gate-app> does: switch, then show the new locale as active.
    let switching: Promise<void> | undefined;
    container.addEventListener('gate-locale-change', (event) => {
      switching = setLocale(event.locale).then(() => {
        picker.value = getLocale();
      });
    });
    await typeInto(getByLabelText(page, 'Email Address'), 'ada@contoso.example');
    await typeInto(getByLabelText(page, 'Password'), 'correct horse battery');

    pick(menu(picker), 'sv');
    await switching;
    await picker.updateComplete;

    expect(getByRole(page, 'heading', { level: 1, name: 'Logga in' })).to.exist;
    expect((getByLabelText(page, 'E-postadress') as HTMLInputElement).value).to.equal(
      'ada@contoso.example',
    );
    expect((getByLabelText(page, 'Lösenord') as HTMLInputElement).value).to.equal(
      'correct horse battery',
    );
    expect(menu(picker, 'Språk').value).to.equal('sv');
  });
});
