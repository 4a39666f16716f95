import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { ResolvedTheme } from '../theme/resolved-theme.schema.js';
import { themeLocales, type ThemeLocale } from '../theme/theme-text.schema.js';
import { previewReady, type PreviewMessage } from './preview-message.js';
import { previewLabel } from './preview-labels.js';
import { previewStates, previewSteps, type PreviewFailures } from './preview-states.js';

const widths = ['phone', 'desktop'] as const;
type Width = (typeof widths)[number];
const previews = previewSteps.flatMap((step) =>
  previewStates[step].map((state) => ({ id: `${step}/${state}`, step, state })),
);

/**
 * The preview: all at once, one frame per locale and width, each showing every step and state;
 * or one at a time, a step in a state, a language and a width picked. A changed pack is posted
 * to the frames, which re-theme in place: no reload.
 */
@customElement('gate-studio-preview')
@localized()
export class GateStudioPreview extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      gap: 1rem;
    }
    figure {
      margin: 0;
      overflow: auto;
    }
    iframe {
      block-size: 40rem;
      border: 1px solid #6b7280;
    }
    .phone {
      inline-size: 390px;
    }
    .desktop {
      inline-size: 1280px;
    }
    .view {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
      align-items: end;
    }
    label {
      display: grid;
      gap: 0.25rem;
    }
  `;

  @property({ attribute: false }) theme: ResolvedTheme | undefined;
  @property({ attribute: false }) failures: PreviewFailures = {};
  @property() tenantName = '';

  @state() private oneAtATime = false;
  @state() private only = previews[0]!.id;
  @state() private locale: ThemeLocale = 'en';
  @state() private width: Width = 'phone';

  #onMessage = (event: MessageEvent) => {
    if (event.origin === location.origin && event.data === previewReady) {
      this.#post(event.source as Window);
    }
  };

  override connectedCallback() {
    super.connectedCallback();
    addEventListener('message', this.#onMessage);
  }

  override disconnectedCallback() {
    removeEventListener('message', this.#onMessage);
    super.disconnectedCallback();
  }

  #post(frame: Window | null) {
    if (!frame || !this.theme) return;
    const message: PreviewMessage = {
      type: 'gate-studio-preview',
      theme: this.theme,
      failures: this.failures,
      tenantName: this.tenantName,
    };
    frame.postMessage(message, location.origin);
  }

  override updated() {
    for (const frame of this.renderRoot.querySelectorAll('iframe')) this.#post(frame.contentWindow);
  }

  #frame(locale: ThemeLocale, width: Width, only?: string) {
    const title =
      width === 'phone'
        ? msg(str`Preview in ${locale}, phone width`, { id: 'studio_preview_phone' })
        : msg(str`Preview in ${locale}, desktop width`, { id: 'studio_preview_desktop' });
    const query = new URLSearchParams({ locale, ...(only ? { only } : {}) });
    return html`<figure>
      <figcaption>${title}</figcaption>
      <iframe
        title=${title}
        data-locale=${locale}
        data-width=${width}
        class=${width}
        src=${`/studio-preview.html?${query}`}
      ></iframe>
    </figure>`;
  }

  #picker<T extends string>(
    label: string,
    value: T,
    options: [T, string][],
    pick: (value: T) => void,
  ) {
    return html`<label
      >${label}
      <select @change=${(event: Event) => pick((event.target as HTMLSelectElement).value as T)}>
        ${options.map(
          ([id, text]) =>
            html`<option value=${String(id)} ?selected=${id === value}>${text}</option>`,
        )}
      </select>
    </label>`;
  }

  override render() {
    const view = html`<fieldset class="view">
      <legend>${msg('View', { id: 'studio_view' })}</legend>
      <label
        ><input
          type="radio"
          name="view"
          .checked=${!this.oneAtATime}
          @change=${() => (this.oneAtATime = false)}
        />${msg('All at once', { id: 'studio_view_all' })}</label
      >
      <label
        ><input
          type="radio"
          name="view"
          .checked=${this.oneAtATime}
          @change=${() => (this.oneAtATime = true)}
        />${msg('One at a time', { id: 'studio_view_one' })}</label
      >
      ${
        this.oneAtATime
          ? [
              this.#picker(
                msg('Step and state', { id: 'studio_view_step' }),
                this.only,
                previews.map(({ id, step, state }) => [id, previewLabel(step, state)]),
                (id) => (this.only = id),
              ),
              this.#picker(
                msg('Language', { id: 'studio_view_locale' }),
                this.locale,
                themeLocales.map((locale) => [locale, locale]),
                (locale) => (this.locale = locale),
              ),
              this.#picker(
                msg('Width', { id: 'studio_view_width' }),
                this.width,
                [
                  ['phone', msg('Phone (390px)', { id: 'studio_view_phone' })],
                  ['desktop', msg('Desktop (1280px)', { id: 'studio_view_desktop' })],
                ],
                (width) => (this.width = width),
              ),
            ]
          : nothing
      }
    </fieldset>`;
    const frames = this.oneAtATime
      ? this.#frame(this.locale, this.width, this.only)
      : themeLocales.flatMap((locale) => widths.map((width) => this.#frame(locale, width)));
    return html`${view}${frames}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gate-studio-preview': GateStudioPreview;
  }
}
