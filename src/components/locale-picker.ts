import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { LocaleChangeEvent } from '../events/locale-change-event.js';
import {
  isSupportedLocale,
  supportedLocales,
  type SupportedLocale,
} from '../i18n/negotiate-locale.js';

/** Each language in its own words, whatever the page speaks, so that readers find theirs. */
const localeNames: Record<SupportedLocale, string> = {
  en: 'English',
  nl: 'Nederlands',
  sv: 'Svenska',
};

/**
 * A language menu: a native select of the offered locales. It only asks for a switch; whoever
 * owns the page changes the locale and then sets `value`.
 *
 * @fires gate-locale-change - With `locale`, when the user picks another language.
 * @csspart label - The "Language" label.
 * @csspart select - The native select.
 */
@customElement('gate-locale-picker')
@localized()
export class GateLocalePicker extends LitElement {
  static override styles = css`
    :host {
      display: inline-flex;
      align-items: center;
      gap: var(--gate-space-2);
      color: var(--gate-color-text-quiet);
    }
    [part='select'] {
      font: inherit;
      color: var(--gate-color-text);
      background: var(--gate-color-surface);
      border: 1px solid var(--gate-color-border);
      border-radius: var(--gate-radius);
      padding: var(--gate-space-1) var(--gate-space-2);
    }
    [part='select']:focus-visible {
      outline: 2px solid var(--gate-color-focus);
      outline-offset: 2px;
    }
  `;

  /** The languages offered, in this order: the tenant's enabled ones. */
  @property({ type: Array }) locales: readonly SupportedLocale[] = supportedLocales;

  /** The language the page speaks now. */
  @property() value: SupportedLocale = 'en';

  override render() {
    return html`<label part="label" for="locale"
        >${msg('Language', {
          id: 'locale_picker_label',
          desc: 'Label of the menu that switches the language of the page.',
        })}</label
      ><select id="locale" part="select" @change=${this.#change}>
        ${(Array.isArray(this.locales) ? this.locales : [])
          .filter(isSupportedLocale)
          .map(
            (locale) =>
              html`<option value=${locale} lang=${locale} ?selected=${locale === this.value}>
                ${localeNames[locale]}
              </option>`,
          )}
      </select>`;
  }

  #change = (event: Event) => {
    const locale = (event.target as HTMLSelectElement).value;
    if (isSupportedLocale(locale) && locale !== this.value) {
      this.dispatchEvent(new LocaleChangeEvent(locale));
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'gate-locale-picker': GateLocalePicker;
  }
}
