import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

export interface TextFieldOptions {
  id: string;
  label: string;
  value: string;
  autocomplete: 'username' | 'email' | 'current-password' | 'new-password' | 'one-time-code';
  type?: 'text' | 'password';
  inputmode?: 'email' | 'numeric' | 'text';
  /** Shown under the field and tied to it with aria-describedby. */
  hint?: string | TemplateResult;
  error?: string | undefined;
  readonly?: boolean;
  onInput?: (value: string) => void;
  /** Rendered after the input, inside the field (a show-password toggle, say). */
  extra?: TemplateResult;
}

/**
 * A labelled input with its hint and error, rendered into the caller's light DOM
 * (credential inputs must never sit behind a shadow root).
 */
export function textField(options: TextFieldOptions): TemplateResult {
  const { id, label, value, error, hint } = options;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return html`<div class="gate-field">
    <label for=${id}>${label}</label>
    <div class="gate-field-control">
      <input
        id=${id}
        name=${id}
        type=${options.type ?? 'text'}
        autocomplete=${
          // The template checker's list of autofill tokens predates `one-time-code`; browsers know it.
          options.autocomplete as 'on'
        }
        inputmode=${ifDefined(options.inputmode)}
        spellcheck="false"
        autocapitalize="none"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        ?readonly=${options.readonly}
        .value=${live(value)}
        @input=${(event: InputEvent) => options.onInput?.((event.target as HTMLInputElement).value)}
      />${options.extra ?? nothing}
    </div>
    ${hint ? html`<div class="gate-field-hint" id=${hintId}>${hint}</div>` : nothing}
    ${error ? html`<p class="gate-field-error" id=${errorId}>${error}</p>` : nothing}
  </div>`;
}
