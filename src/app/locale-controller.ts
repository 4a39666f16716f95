import type { TenantConfig } from '../api/contract.schema.js';
import { rememberLocale, rememberedLocale, setLocale } from '../i18n/localization.js';
import {
  negotiateLocale,
  supportedLocales,
  type SupportedLocale,
} from '../i18n/negotiate-locale.js';
import type { AppHost } from './app-host.js';

/** The page's language: negotiated at each start, and switched in place when the user picks one. */
export class LocaleController {
  constructor(private readonly host: AppHost) {}

  /** `ui_locales` > the user's earlier pick > the browser > the tenant's default > English. */
  async negotiate(uiLocales: string | undefined, config: TenantConfig | undefined) {
    const locale = negotiateLocale({
      uiLocales,
      chosen: rememberedLocale(),
      browser: navigator.languages,
      tenant: config ?? { locales: supportedLocales, defaultLocale: 'en' },
    });
    // A translation that fails to load leaves the page in the language it has.
    await setLocale(locale).catch(() => undefined);
  }

  /** The user picked a language: switch in place (typed input stays) and remember it. */
  async choose(locale: SupportedLocale) {
    rememberLocale(locale);
    await setLocale(locale).catch(() => undefined);
    this.host.requestUpdate();
  }
}
