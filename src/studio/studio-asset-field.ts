import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { formatBytes } from '../theme/pack/read-pack-chain.js';
import { slotExtensions, slotMaxBytes, type AssetSlot, type FileProblem } from './pack-assets.js';

/** What the field reports when a file is picked or dropped. */
export interface AssetFileDetail {
  slot: AssetSlot;
  index: number;
  name: string;
  bytes: Uint8Array;
}

/**
 * One asset of a pack (a logo, a background, a favicon, a font face): a file field that also
 * takes a file dropped on it, the file the pack has now, and the field's problems: why it refuses
 * a file, in the studio's language, or else what theme:check says about the file.
 *
 * @fires gate-studio-file - `detail: AssetFileDetail` when a file is picked or dropped.
 * @fires gate-studio-remove - `detail: { index }` when a font face is removed.
 */
@customElement('gate-studio-asset-field')
@localized()
export class GateStudioAssetField extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      gap: 0.25rem;
      padding: 0.5rem;
      border: 2px dashed #6b7280;
    }
    :host([dragging]) {
      border-color: #1d4ed8;
      background: #eff6ff;
    }
    p {
      margin: 0;
    }
    .problem {
      color: #a4161a;
    }
    button {
      justify-self: start;
      font: inherit;
    }
  `;

  /** Named `kind`, as `slot` is every element's slot attribute. */
  @property() kind: AssetSlot = 'bannerLogo';
  /** A font face's place in theme.json's `fonts`. */
  @property({ type: Number }) index = 0;
  @property() label = '';
  /** The file the pack uses now, if any (perhaps a parent pack's). */
  @property() current = '';
  @property({ attribute: false }) refused: (FileProblem & { name: string }) | undefined;
  @property({ attribute: false }) problems: readonly string[] = [];
  @property({ type: Boolean }) removable = false;
  @property({ type: Boolean, reflect: true }) dragging = false;

  async #take(file: File | undefined) {
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const detail: AssetFileDetail = { slot: this.kind, index: this.index, name: file.name, bytes };
    this.dispatchEvent(
      new CustomEvent('gate-studio-file', { detail, bubbles: true, composed: true }),
    );
  }

  #drop(event: DragEvent) {
    event.preventDefault();
    this.dragging = false;
    void this.#take(event.dataTransfer?.files[0]);
  }

  #refusal() {
    const refused = this.refused;
    if (!refused) return undefined;
    if (refused.kind === 'type') {
      const types = refused.extensions.map((extension) => `.${extension}`).join(', ');
      return msg(str`${refused.name} is not a file this field takes (${types}).`, {
        id: 'studio_asset_wrong_type',
      });
    }
    return msg(
      str`${refused.name} is ${formatBytes(refused.bytes)}; this field takes at most ${formatBytes(refused.maxBytes)}.`,
      { id: 'studio_asset_too_large' },
    );
  }

  override render() {
    const id = `asset-${this.kind}-${this.index}`;
    const refusal = this.#refusal();
    const problems = refusal ? [refusal] : this.problems;
    const types = slotExtensions(this.kind)
      .map((extension) => `.${extension}`)
      .join(', ');
    const limit = formatBytes(slotMaxBytes(this.kind));
    return html`<div
        @dragover=${(event: DragEvent) => {
          event.preventDefault();
          this.dragging = true;
        }}
        @dragleave=${() => (this.dragging = false)}
        @drop=${this.#drop}
      >
        <label for=${id}>${this.label}</label>
        <input
          id=${id}
          type="file"
          accept=${types}
          aria-describedby=${`${id}-hint ${problems.length > 0 ? `${id}-problems` : ''}`.trim()}
          aria-invalid=${problems.length > 0 ? 'true' : 'false'}
          @change=${(event: Event) => {
            const input = event.target as HTMLInputElement;
            void this.#take(input.files?.[0]).then(() => (input.value = ''));
          }}
        />
      </div>
      <p id=${`${id}-hint`}>
        ${msg(str`${types}, at most ${limit}. Pick a file or drop one here.`, {
          id: 'studio_asset_hint',
        })}
        ${
          this.current
            ? msg(str`Now: ${this.current}`, { id: 'studio_asset_current' })
            : msg('Now: none', { id: 'studio_asset_none' })
        }
      </p>
      ${
        problems.length > 0
          ? html`<div id=${`${id}-problems`}>
              ${problems.map((problem) => html`<p class="problem">${problem}</p>`)}
            </div>`
          : nothing
      }
      ${
        this.removable
          ? html`<button
              type="button"
              @click=${() =>
                this.dispatchEvent(
                  new CustomEvent('gate-studio-remove', {
                    detail: { index: this.index },
                    bubbles: true,
                    composed: true,
                  }),
                )}
            >
              ${msg(str`Remove ${this.label}`, { id: 'studio_asset_remove' })}
            </button>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gate-studio-asset-field': GateStudioAssetField;
  }
}
