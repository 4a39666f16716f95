import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { isSafeLinkUrl } from '../theme/safe-link.js';
import type { FooterLink } from '../theme/theme-text.schema.js';

/**
 * A theme pack's footer links (privacy, terms ...). Labels are text bindings, so markup in a pack
 * shows as typed and never becomes HTML; a link that is not absolute https is left out, whatever
 * the pack says (docs/security.md#rule-21).
 *
 * @csspart list - The list of links.
 * @csspart link - Each link.
 */
@customElement('gate-theme-footer')
export class GateThemeFooter extends LitElement {
  static override styles = css`
    :host {
      display: block;
      color: var(--gate-color-text-quiet);
      font-size: 0.875em;
    }
    [part='list'] {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: var(--gate-space-2) var(--gate-space-4);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    [part='link'] {
      color: var(--gate-color-brand);
    }
    [part='link']:focus-visible {
      outline: 3px solid var(--gate-color-focus);
      outline-offset: 2px;
    }
  `;

  /**
   * The links in display order: `Object.values(text.footerLinks)` of a resolved pack's text. Also
   * an attribute (JSON), so that the element shows the same when it upgrades in a page the server
   * rendered.
   */
  @property({ type: Array }) links: FooterLink[] = [];

  override render() {
    const links = (Array.isArray(this.links) ? this.links : []).filter((link) =>
      isSafeLinkUrl(link.href),
    );
    if (links.length === 0) return nothing;
    return html`<ul part="list">
      ${links.map(
        (link) =>
          html`<li>
            <a part="link" href=${link.href} rel="noopener noreferrer">${link.label}</a>
          </li>`,
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gate-theme-footer': GateThemeFooter;
  }
}
