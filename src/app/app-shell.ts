/**
 * The hosted page's frame and its sign-in step, as templates of plain data: `gate-app` renders
 * them in the browser, and the server renders the same templates into the hosted page's HTML
 * (server/http/first-page.ts), so that the first step shows before any script has run. The
 * events of the steps bubble to `gate-app`, which listens on itself; no listener is bound here.
 * The elements with a shadow root get all they show as attributes: in the server's rendering they
 * upgrade before `gate-app` takes over, and must then show the same.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Failure } from '../flow/flow-state.js';
import type { SupportedLocale } from '../i18n/negotiate-locale.js';
import type { FooterLink } from '../theme/theme-text.schema.js';
import '../components/locale-picker.js';
import '../components/theme-banner.js';
import '../components/theme-footer.js';
import '../pages/sign-in-page.js';

/**
 * Data for an attribute that a `type: Array` property parses back: JSON, typed as the property it
 * becomes, so that the template checker compares the data with that property and not a string.
 */
const jsonAttribute = <T>(value: T) => JSON.stringify(value) as unknown as T;

export interface BannerLogo {
  src: string;
  size: { width: number; height: number } | undefined;
  /** What the logo reads out: the tenant's name, else the pack's. */
  label: string;
  /** Hold its place without loading it (see `gate-theme-banner`'s `placeholder`). */
  placeholder?: boolean;
}

export interface ShellParts {
  locale: SupportedLocale;
  /** The tenant's languages; the picker shows when there are two or more. */
  locales: readonly SupportedLocale[];
  /** The pack's banner logo; without one, the tenant's name heads the card instead. */
  logo: BannerLogo | undefined;
  /** The tenant's name (undefined until its settings are known). */
  tenantName: string | undefined;
  footerLinks: readonly FooterLink[];
  step: TemplateResult | typeof nothing;
  /** In someone else's page the card is no `<main>`: the host's page has its own. */
  embedded?: boolean;
}

export function shellTemplate(parts: ShellParts): TemplateResult {
  const { locale, locales, logo } = parts;
  return html`<div class="gate-theme gate-shell" lang=${locale}>
    <div class="gate-toolbar">
      ${
        logo
          ? html`<gate-theme-banner
              src=${logo.src}
              label=${logo.label}
              width=${ifDefined(logo.size?.width)}
              height=${ifDefined(logo.size?.height)}
              ?placeholder=${logo.placeholder ?? false}
            ></gate-theme-banner>`
          : nothing
      }
      ${
        locales.length > 1
          ? html`<gate-locale-picker
              locales=${jsonAttribute(locales)}
              value=${locale}
            ></gate-locale-picker>`
          : nothing
      }
    </div>
    ${
      parts.embedded
        ? html`<div class="gate-card">${cardTemplate(parts)}</div>`
        : html`<main class="gate-card">${cardTemplate(parts)}</main>`
    }
    <gate-theme-footer links=${jsonAttribute(parts.footerLinks)}></gate-theme-footer>
  </div>`;
}

function cardTemplate({ logo, tenantName, step }: ShellParts) {
  return html`${tenantName !== undefined && !logo ? html`<p class="gate-tenant-name">${tenantName}</p>` : nothing}
  ${step}`;
}

export interface SignInStepParts {
  identifier: string;
  identifierHint: string;
  alert: Failure | undefined;
  busy: boolean;
  showResetLink: boolean;
  /** After a failed sign-in, offer "Set your password" (the policy's `passwordSetup`). */
  showPasswordSetup?: boolean;
  resetHref: string;
}

export function signInStepTemplate(parts: SignInStepParts): TemplateResult {
  return html`<gate-sign-in-page
    .identifier=${parts.identifier}
    .identifierHint=${parts.identifierHint}
    .alert=${parts.alert}
    ?busy=${parts.busy}
    ?show-reset-link=${parts.showResetLink}
    ?show-password-setup=${parts.showPasswordSetup ?? false}
    reset-href=${parts.resetHref}
  ></gate-sign-in-page>`;
}
