/**
 * The tenant's look in an email: the resolved theme pack that `vite build` emits
 * (`dist/themes/<id>.json`, parsed again here with the same schema the pages use), its banner
 * logo (as the PNG the build makes of it), colours and font, and its footer links in the recipient's language. Without a usable
 * pack, the default pack; without that, the tenant's name on a plain layout.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResolvedTheme } from '../../theme/resolved-theme.schema.js';
import { builtThemesDir, mailLogoFile, readBuiltTheme } from '../built-themes.js';
import type { FooterLink, ThemeLocale } from '../../theme/theme-text.schema.js';
import type { Logger } from '../log.js';

export interface MailColours {
  brand: string;
  onBrand: string;
  background: string;
  surface: string;
  text: string;
  textQuiet: string;
}

export interface MailBrand {
  /** The brand's name, also the logo's text alternative. */
  name: string;
  colours: MailColours | undefined;
  fontFamily: string | undefined;
  radius: string | undefined;
  logo: { filename: string; contentType: string; content: Buffer } | undefined;
  footerLinks: FooterLink[];
}

export type BrandSource = (
  themeId: string,
  fallbackName: string,
  locale: ThemeLocale,
) => Promise<MailBrand>;

export function themeBrandSource(distDir: string, log: Logger): BrandSource {
  const themesDir = builtThemesDir(distDir);
  const cache = new Map<
    string,
    Promise<{ theme: ResolvedTheme; logo: MailBrand['logo'] } | undefined>
  >();

  async function load(id: string) {
    const parsed = await readBuiltTheme(distDir, id);
    if (!parsed.ok) {
      log.warn('mail_theme_unusable', { theme: id, problems: parsed.failure.join('; ') });
      return undefined;
    }
    let logo: MailBrand['logo'];
    // The build's PNG of the banner logo: mail clients show no SVG.
    if (parsed.value.assets.bannerLogo) {
      const file = join(themesDir, mailLogoFile(id));
      try {
        logo = { filename: 'logo.png', contentType: 'image/png', content: await readFile(file) };
      } catch (error) {
        log.warn('mail_logo_missing', {
          theme: id,
          file,
          reason: (error as Error).message.slice(0, 200),
        });
      }
    }
    return { theme: parsed.value, logo };
  }

  const cached = (id: string) => {
    let entry = cache.get(id);
    if (!entry) {
      entry = load(id);
      cache.set(id, entry);
    }
    return entry;
  };

  return async (themeId, fallbackName, locale) => {
    const found = (await cached(themeId)) ?? (await cached('default'));
    if (!found) {
      return {
        name: fallbackName,
        colours: undefined,
        fontFamily: undefined,
        radius: undefined,
        logo: undefined,
        footerLinks: [],
      };
    }
    return brandFromTheme(found.theme, themeId, fallbackName, found.logo, locale);
  };
}

/**
 * A resolved pack as an email shows it. When the tenant's pack is not the one given (the default
 * stood in for it), the email carries the tenant's name and no logo rather than another brand's.
 */
export function brandFromTheme(
  theme: ResolvedTheme,
  themeId: string,
  fallbackName: string,
  logo: MailBrand['logo'],
  locale: ThemeLocale,
): MailBrand {
  const tokens = theme.tokens;
  return {
    name: theme.id === themeId ? theme.name : fallbackName,
    colours: {
      brand: tokens['color-brand'],
      onBrand: tokens['color-on-brand'],
      background: tokens['color-background'],
      surface: tokens['color-surface'],
      text: tokens['color-text'],
      textQuiet: tokens['color-text-quiet'],
    },
    fontFamily: tokens['font-family'],
    radius: tokens.radius,
    logo: theme.id === themeId ? logo : undefined,
    footerLinks: Object.values(theme.text[locale]?.footerLinks ?? {}),
  };
}
