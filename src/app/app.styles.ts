import { css } from 'lit';

/**
 * Styles for the light-DOM parts of every page (forms must stay in light DOM for password
 * managers). Scoped under `.gate-theme`, which `gate-app` renders around its pages and which a host
 * page may put on any container of a standalone step page. Reads tokens only.
 */
export const appStyles = css`
  @layer gate-base {
    /* Hosted mode: the app is the whole page. */
    body:has(> gate-app) {
      margin: 0;
    }
    gate-app {
      display: block;
    }
    body > gate-app > .gate-shell {
      min-block-size: 100dvh;
    }
    .gate-theme {
      min-block-size: 100%;
      background: var(--gate-color-background);
      color: var(--gate-color-text);
      font-family: var(--gate-font-family);
      font-size: var(--gate-font-size);
      line-height: 1.5;
    }
    .gate-shell {
      display: grid;
      place-items: start center;
      align-content: start;
      gap: var(--gate-space-4);
      padding: var(--gate-space-6) var(--gate-space-4);
    }
    .gate-theme .gate-card {
      box-sizing: border-box;
      inline-size: min(100%, var(--gate-card-width));
      padding: var(--gate-space-6);
      background: var(--gate-color-surface);
      border-radius: var(--gate-radius);
      box-shadow: 0 1px 3px rgb(0 0 0 / 0.12);
    }
    .gate-theme .gate-toolbar {
      inline-size: min(100%, var(--gate-card-width));
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--gate-space-2);
    }
    .gate-theme .gate-toolbar gate-locale-picker {
      margin-inline-start: auto;
    }
    .gate-theme .gate-tenant-name {
      margin: 0 0 var(--gate-space-4);
      font-weight: 600;
      color: var(--gate-color-text-quiet);
    }
    .gate-theme .gate-heading {
      margin: 0 0 var(--gate-space-3);
      font-size: var(--gate-font-size-heading);
      line-height: 1.25;
    }
    .gate-theme .gate-heading:focus {
      outline: none;
    }
    .gate-theme .gate-intro,
    .gate-theme .gate-hint {
      margin: 0 0 var(--gate-space-4);
      color: var(--gate-color-text-quiet);
    }
    .gate-theme gate-alert {
      margin-block-end: var(--gate-space-4);
    }
    .gate-theme .gate-field {
      display: grid;
      gap: var(--gate-space-1);
      margin-block-end: var(--gate-space-4);
    }
    .gate-theme .gate-field label {
      font-weight: 600;
    }
    .gate-theme .gate-field-control {
      display: flex;
      gap: var(--gate-space-2);
    }
    .gate-theme .gate-field input {
      flex: 1;
      min-inline-size: 0;
      box-sizing: border-box;
      padding: var(--gate-space-2) var(--gate-space-3);
      font: inherit;
      color: var(--gate-color-text);
      background: var(--gate-color-surface);
      border: 1px solid var(--gate-color-border);
      border-radius: var(--gate-radius);
    }
    .gate-theme .gate-field input[readonly] {
      background: var(--gate-color-background);
    }
    .gate-theme .gate-field input[aria-invalid='true'] {
      border-color: var(--gate-color-error);
    }
    .gate-theme :is(input, button, a):focus-visible {
      outline: 3px solid var(--gate-color-focus);
      outline-offset: 2px;
    }
    .gate-theme .gate-field-error {
      margin: 0;
      color: var(--gate-color-error);
      font-weight: 600;
    }
    .gate-theme .gate-field-hint {
      color: var(--gate-color-text-quiet);
      font-size: 0.875em;
    }
    .gate-theme .gate-rules {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .gate-theme .gate-rule[data-met='true'] {
      color: var(--gate-color-success);
    }
    .gate-theme .gate-rule-mark {
      display: inline-block;
      inline-size: 1.25em;
    }
    .gate-theme .gate-actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--gate-space-2);
      margin-block: var(--gate-space-4) var(--gate-space-2);
    }
    .gate-theme .gate-button {
      display: inline-flex;
      align-items: center;
      gap: var(--gate-space-2);
      min-block-size: 2.75rem;
      padding: var(--gate-space-2) var(--gate-space-4);
      font: inherit;
      font-weight: 600;
      border-radius: var(--gate-radius);
      border: 1px solid var(--gate-color-brand);
      cursor: pointer;
    }
    .gate-theme .gate-button-primary {
      background: var(--gate-color-brand);
      color: var(--gate-color-on-brand);
    }
    .gate-theme .gate-button-secondary {
      background: var(--gate-color-surface);
      color: var(--gate-color-brand);
    }
    .gate-theme .gate-button-link {
      min-block-size: auto;
      padding: var(--gate-space-1) 0;
      border-color: transparent;
      background: none;
      color: var(--gate-color-brand);
      text-decoration: underline;
    }
    .gate-theme .gate-button:disabled,
    .gate-theme .gate-button[aria-disabled='true'] {
      cursor: not-allowed;
      opacity: 0.7;
    }
    .gate-theme gate-password-toggle {
      display: flex;
    }
    .gate-theme .gate-password-toggle {
      flex: none;
      padding: 0 var(--gate-space-2);
      font: inherit;
      font-size: 0.875em;
      color: var(--gate-color-brand);
      background: var(--gate-color-surface);
      border: 1px solid var(--gate-color-border);
      border-radius: var(--gate-radius);
      cursor: pointer;
    }
    .gate-theme .gate-password-toggle[aria-pressed='true'] {
      background: var(--gate-color-background);
    }
    .gate-theme a {
      color: var(--gate-color-brand);
    }
    .gate-theme .gate-visually-hidden {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  }
`;
