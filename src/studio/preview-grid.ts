import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized } from '@lit/localize';
import { adoptGateStyles } from '../app/adopt-styles.js';
import { shellTemplate } from '../app/app-shell.js';
import type { Failure } from '../flow/flow-state.js';
import { applyTextOverrides, getLocale } from '../i18n/localization.js';
import { pageTextOverrides } from '../app/page-text-overrides.js';
import { applyTheme } from '../theme/runtime/apply-theme.js';
import { addFontFaces } from '../theme/runtime/theme-extras.js';
import type { ResolvedTheme } from '../theme/resolved-theme.schema.js';
import type { ThemeLocale } from '../theme/theme-text.schema.js';
import { previewLabel } from './preview-labels.js';
import {
  previewStates,
  previewSteps,
  type PreviewFailures,
  type PreviewStep,
} from './preview-states.js';
import '../pages/new-password-page.js';
import '../pages/reset-code-page.js';
import '../pages/reset-done-page.js';
import '../pages/reset-email-page.js';
import '../pages/reset-unavailable-page.js';

const email = 'ada@contoso.example';

function stepTemplate(step: PreviewStep, alert: Failure | undefined): TemplateResult {
  switch (step) {
    case 'sign-in':
      return html`<gate-sign-in-page .alert=${alert} show-reset-link></gate-sign-in-page>`;
    case 'reset-email':
      return html`<gate-reset-email-page .alert=${alert}></gate-reset-email-page>`;
    case 'reset-code':
      return html`<gate-reset-code-page email=${email} .alert=${alert}></gate-reset-code-page>`;
    case 'new-password':
      return html`<gate-new-password-page email=${email} .alert=${alert}></gate-new-password-page>`;
    case 'reset-done':
      return html`<gate-reset-done-page></gate-reset-done-page>`;
    case 'reset-unavailable':
      return html`<gate-reset-unavailable-page></gate-reset-unavailable-page>`;
  }
}

/**
 * Every step in every state, in this document's language, themed with the studio's pack. Light
 * DOM, as on the hosted page, so that the page styles and the pack apply as they do there.
 */
@customElement('gate-studio-preview-grid')
@localized()
export class GateStudioPreviewGrid extends LitElement {
  @property({ attribute: false }) theme: ResolvedTheme | undefined;
  @property({ attribute: false }) failures: PreviewFailures = {};
  @property() tenantName = '';
  /** `step/state` to show that one alone (the studio's one-at-a-time view); empty shows all. */
  @property() only = '';

  protected override createRenderRoot() {
    adoptGateStyles(document);
    return this;
  }

  override willUpdate() {
    applyTextOverrides(pageTextOverrides(this.theme, undefined));
  }

  override updated() {
    const theme = this.theme;
    if (!theme) return;
    for (const cell of this.querySelectorAll<HTMLElement>('.cell')) applyTheme(cell, theme);
    addFontFaces(theme);
  }

  override render() {
    const theme = this.theme;
    if (!theme) return nothing;
    const locale = getLocale() as ThemeLocale;
    const logo = theme.assets.bannerLogo
      ? { src: theme.assets.bannerLogo, size: theme.bannerLogoSize, label: this.tenantName }
      : undefined;
    return previewSteps.flatMap((step) =>
      previewStates[step].flatMap((state) => {
        if (this.only && this.only !== `${step}/${state}`) return [];
        const label = previewLabel(step, state);
        return html`<section class="cell" aria-label=${label} data-preview=${`${step}/${state}`}>
          <h2 class="preview-label">${label}</h2>
          ${shellTemplate({
            locale,
            locales: ['en', 'nl', 'sv'],
            logo,
            tenantName: this.tenantName,
            footerLinks: Object.values(theme.text[locale]?.footerLinks ?? {}),
            step: stepTemplate(step, this.failures[`${step}/${state}`]),
          })}
        </section>`;
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gate-studio-preview-grid': GateStudioPreviewGrid;
  }
}
