import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { ResolvedTheme } from '../theme/resolved-theme.schema.js';
import { themeLocales } from '../theme/theme-text.schema.js';
import type { EmailPreviewRequest, PreviewEmail, PreviewMailKind } from './email-preview.js';

/** Edits come as fast as a colour picker is dragged; the messages are rendered once it rests. */
const settleMs = 250;

function kindLabel(kind: PreviewMailKind): string {
  switch (kind) {
    case 'verification-code':
      return msg('Verification code', { id: 'studio_mail_code' });
    case 'reset-not-allowed':
      return msg('Contact your administrator', { id: 'studio_mail_not_allowed' });
    case 'password-changed':
      return msg('Password changed', { id: 'studio_mail_changed' });
  }
}

/**
 * The emails of the pack being edited: every message in every language, as HTML (in a sandboxed
 * frame, scripts off) and as the plain text beside it, rendered by the studio's dev server with
 * the server's own mail code, and again after each edit.
 */
@customElement('gate-studio-email-preview')
@localized()
export class GateStudioEmailPreview extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      gap: 1rem;
    }
    .messages {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
    }
    figure {
      margin: 0;
      display: grid;
      gap: 0.5rem;
      inline-size: 36rem;
      max-inline-size: 100%;
    }
    iframe {
      block-size: 34rem;
      border: 1px solid #6b7280;
    }
    pre {
      white-space: pre-wrap;
      margin: 0;
    }
  `;

  /** The pack as the studio resolved it (asset paths relative to themes/). */
  @property({ attribute: false }) theme: ResolvedTheme | undefined;
  @property() tenant = '';
  /** A copied pack's assets are still in the pack it was copied from. */
  @property({ attribute: 'assets-from' }) assetsFrom = '';
  /** A banner logo dropped into the studio and not saved yet, as base64. */
  @property() logo = '';

  @state() private emails: PreviewEmail[] = [];
  @state() private failed = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #request = 0;

  override willUpdate(changed: PropertyValues<this>) {
    if (
      changed.has('theme') ||
      changed.has('tenant') ||
      changed.has('assetsFrom') ||
      changed.has('logo')
    ) {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => void this.#load(), settleMs);
    }
  }

  override disconnectedCallback() {
    clearTimeout(this.#timer);
    super.disconnectedCallback();
  }

  async #load() {
    if (!this.theme || !this.tenant) return;
    const request = ++this.#request;
    const body: EmailPreviewRequest = {
      tenant: this.tenant,
      theme: this.theme,
      ...(this.assetsFrom ? { assetsFrom: this.assetsFrom } : {}),
      ...(this.logo ? { bannerLogo: this.logo } : {}),
    };
    try {
      const response = await fetch('/__studio/emails', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(String(response.status));
      const answer = (await response.json()) as { emails: PreviewEmail[] };
      if (request !== this.#request) return;
      this.emails = answer.emails;
      this.failed = false;
    } catch {
      if (request === this.#request) this.failed = true;
    }
  }

  override render() {
    if (this.failed) {
      return html`<p role="alert">
        ${msg('The emails could not be rendered; the studio server logged why.', {
          id: 'studio_mail_failed',
        })}
      </p>`;
    }
    if (this.emails.length === 0) return html`<p>${msg('Loading…', { id: 'studio_loading' })}</p>`;
    return themeLocales.map((locale) => {
      const emails = this.emails.filter((email) => email.locale === locale);
      return html`<section
        aria-label=${msg(str`Emails in ${locale}`, { id: 'studio_mail_in' })}
        class="messages"
        data-locale=${locale}
      >
        ${emails.map((email) => {
          const title = msg(str`${kindLabel(email.kind)} (${locale}): ${email.subject}`, {
            id: 'studio_mail_title',
          });
          return html`<figure data-kind=${email.kind}>
            <figcaption>${title}</figcaption>
            <!-- Sandboxed: no scripts, no access to the studio; links may open a tab. -->
            <iframe sandbox="allow-popups" title=${title} .srcdoc=${email.html}></iframe>
            <details>
              <summary>${msg('Plain text', { id: 'studio_mail_text' })}</summary>
              <pre>${email.text}</pre>
            </details>
          </figure>`;
        })}
      </section>`;
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gate-studio-email-preview': GateStudioEmailPreview;
  }
}
