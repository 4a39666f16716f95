import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';

/**
 * One colour token: a colour picker whose every move is reported (`input`), its problems at the
 * field, and the nearest passing colour, one click (or Enter) away.
 *
 * @fires gate-studio-change - `detail: { name, value }` on every change.
 */
@customElement('gate-studio-color-field')
@localized()
export class GateStudioColorField extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      gap: 0.25rem;
    }
    .row {
      display: flex;
      align-items: center;
      gap: 0.5rem;
    }
    input {
      inline-size: 3rem;
      block-size: 2rem;
    }
    .problem {
      margin: 0;
      color: #a4161a;
    }
    button {
      font: inherit;
    }
  `;

  @property() name = '';
  @property() value = '#000000';
  @property({ attribute: false }) problems: readonly string[] = [];
  /** A colour with which this token's pairs pass. */
  @property() suggestion: string | undefined;

  #change(value: string) {
    this.dispatchEvent(
      new CustomEvent('gate-studio-change', {
        detail: { name: this.name, value },
        bubbles: true,
        composed: true,
      }),
    );
  }

  override render() {
    const id = `field-${this.name}`;
    const described = this.problems.length > 0 ? `${id}-problems` : undefined;
    return html`<div class="row">
        <input
          id=${id}
          type="color"
          .value=${this.value}
          aria-invalid=${this.problems.length > 0 ? 'true' : 'false'}
          aria-describedby=${described ?? nothing}
          @input=${(event: Event) => this.#change((event.target as HTMLInputElement).value)}
        />
        <label for=${id}>${this.name}</label>
        <code>${this.value}</code>
      </div>
      ${
        this.problems.length > 0
          ? html`<div id=${`${id}-problems`}>
              ${this.problems.map((problem) => html`<p class="problem">${problem}</p>`)}
              ${
                this.suggestion
                  ? html`<button type="button" @click=${() => this.#change(this.suggestion!)}>
                      ${msg(str`Use ${this.suggestion}, which passes`, { id: 'studio_use_suggestion' })}
                    </button>`
                  : nothing
              }
            </div>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gate-studio-color-field': GateStudioColorField;
  }
}
