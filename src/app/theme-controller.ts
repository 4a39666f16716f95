import type { TenantConfig } from '../api/contract.schema.js';
import { applyTextOverrides } from '../i18n/localization.js';
import { pageTextOverrides } from './page-text-overrides.js';
import { applyTheme } from '../theme/runtime/apply-theme.js';
import { loadTheme } from '../theme/runtime/load-theme.js';
import type { ResolvedTheme } from '../theme/resolved-theme.schema.js';
import type { AppHost } from './app-host.js';
import { onServer } from './embedding.js';
import { dropSuperseded, Latest } from './latest.js';

/**
 * The theme pack on the element: the `theme` attribute's, else the tenant's. The loader is part
 * of the first-load script: the first page waits for the pack anyway, and a separate chunk only
 * added a round trip and 1.3 KB. A pack that fails to load leaves the base theme, which is
 * always complete.
 */
export class ThemeController {
  /** The pack applied last. */
  resolved: ResolvedTheme | undefined;
  #latest = new Latest();
  /** Set once the first page has been shown long enough for fetching ahead to begin. */
  #prefetching = false;

  constructor(private readonly host: AppHost) {}

  /** Loads and applies the pack, and the text overrides of pack and tenant; a newer call wins. */
  async apply(config: TenantConfig) {
    const { host } = this;
    this.#latest.next();
    try {
      // Embedded on another site, the packs are Gatehouse's, never the host page's.
      const base = host.server ? onServer(host, 'themes/') : undefined;
      const loading = loadTheme(host.theme || config.theme, base).catch(() => undefined);
      const theme = await this.#latest.fresh(loading);
      if (theme) {
        applyTheme(host, theme);
        // Favicon and brand fonts: nothing the form waits for.
        void import('../theme/runtime/theme-extras.js').then((extras) =>
          extras.applyThemeExtras(theme, host.routing === 'history'),
        );
        this.resolved = theme;
        host.requestUpdate();
      }
      applyTextOverrides(pageTextOverrides(this.resolved, config.textOverrides));
    } catch (error) {
      dropSuperseded(error);
    }
  }

  /** Fetches the packs a preview offers (`themes`), once the first page has been read a while. */
  prefetch(start = false) {
    this.#prefetching ||= start;
    if (this.#prefetching) this.host.themes.forEach((id) => loadTheme(id).catch(() => undefined));
  }
}
