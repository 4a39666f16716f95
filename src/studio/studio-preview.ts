import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { ResolvedTheme } from '../theme/resolved-theme.schema.js';
import { themeLocales } from '../theme/theme-text.schema.js';
import { previewReady, type PreviewMessage } from './preview-message.js';
import type { PreviewFailures } from './preview-states.js';

const widths = ['phone', 'desktop'] as const;

/**
 * The preview: one frame per locale and width, each showing every step and state. A changed pack
 * is posted to the frames, which re-theme in place: no reload.
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
  `;

  @property({ attribute: false }) theme: ResolvedTheme | undefined;
  @property({ attribute: false }) failures: PreviewFailures = {};
  @property() tenantName = '';

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

  override render() {
    return themeLocales.flatMap((locale) =>
      widths.map((width) => {
        const title =
          width === 'phone'
            ? msg(str`Preview in ${locale}, phone width`, { id: 'studio_preview_phone' })
            : msg(str`Preview in ${locale}, desktop width`, { id: 'studio_preview_desktop' });
        return html`<figure>
          <figcaption>${title}</figcaption>
          <iframe
            title=${title}
            data-locale=${locale}
            data-width=${width}
            class=${width}
            src=${`/studio-preview.html?locale=${locale}`}
          ></iframe>
        </figure>`;
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gate-studio-preview': GateStudioPreview;
  }
}
