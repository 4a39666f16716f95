/**
 * The page's language at run time: @lit/localize in runtime mode, each translation loaded when it
 * is first needed, tenant text overrides laid over whichever locale is active.
 */
import { LOCALE_STATUS_EVENT, configureLocalization, type TemplateMap } from '@lit/localize';
import { sourceLocale } from './generated/locale-codes.js';
import {
  chosenLocaleCookie,
  isSupportedLocale,
  supportedLocales,
  type SupportedLocale,
} from './negotiate-locale.js';
import { overrideTemplates, type TextOverrides } from './override-templates.js';
import { translations } from './translations.js';
import { readLocaleFrom } from './current-locale.js';

/**
 * @lit/localize renders its source locale straight from the code and never loads it, so English
 * could not carry overrides. The runtime's source locale is therefore a private tag, active only
 * until the `setLocale` below, and English is loaded like every other locale.
 */
const codeLiterals = `${sourceLocale}-x-code`;

/** What each loaded locale is made of; `templates` is the very object the runtime reads. */
const loaded = new Map<SupportedLocale, { translated: TemplateMap; templates: TemplateMap }>();
let overrides: TextOverrides = {};

async function loadLocale(locale: string) {
  if (!isSupportedLocale(locale)) throw new Error(`Unsupported locale ${locale}`);
  // The runtime asks again on every switch; a known locale is ready (applyTextOverrides keeps its
  // templates current), so switching back costs no module lookup, only the re-render.
  const known = loaded.get(locale);
  if (known) return known;
  const translated = locale === sourceLocale ? {} : (await translations[locale]()).templates;
  const templates = { ...translated, ...overrideTemplates(overrides[locale]) };
  loaded.set(locale, { translated, templates });
  return { templates };
}

const runtime = configureLocalization({
  sourceLocale: codeLiterals,
  targetLocales: supportedLocales,
  loadLocale,
});
void runtime.setLocale(sourceLocale);

/** The active locale. */
export function getLocale(): SupportedLocale {
  const locale = runtime.getLocale();
  return isSupportedLocale(locale) ? locale : sourceLocale;
}
readLocaleFrom(getLocale);

/** The `<html>` element while `syncDocumentLanguage` keeps its `lang`. */
let documentRoot: HTMLElement | undefined;

/**
 * Loads `locale` and re-renders every `@localized()` element in it. Elements keep their state, so
 * typed input survives. Resolves once the locale is active; elements have re-rendered by then.
 */
export async function setLocale(locale: SupportedLocale): Promise<void> {
  await runtime.setLocale(locale);
  if (documentRoot) documentRoot.lang = getLocale();
}

/** Loads a locale ahead of its first use, so that switching to it is a single render. */
export function prefetchLocale(locale: SupportedLocale): void {
  void loadLocale(locale).catch(() => undefined);
}

/**
 * Lays validated overrides (see `parseTextOverrides`) over the messages, replacing any applied
 * before. Takes effect at once, for the active locale as well as for those loaded later.
 */
export function applyTextOverrides(next: TextOverrides) {
  overrides = next;
  for (const [locale, { translated, templates }] of loaded) {
    // The runtime holds on to `templates`, so it is rewritten in place rather than replaced.
    for (const id of Object.keys(templates)) delete templates[id];
    Object.assign(templates, translated, overrideTemplates(next[locale]));
  }
  // `@localized()` elements re-render on a "ready" status, although the locale stays the same.
  window.dispatchEvent(
    new CustomEvent(LOCALE_STATUS_EVENT, {
      detail: { status: 'ready', readyLocale: runtime.getLocale() },
    }),
  );
}

/** The language the user picked on an earlier visit, if cookies are available and hold one. */
export function rememberedLocale(): string | undefined {
  try {
    const prefix = `${chosenLocaleCookie}=`;
    return document.cookie
      .split('; ')
      .find((cookie) => cookie.startsWith(prefix))
      ?.slice(prefix.length);
  } catch {
    // Cookies can be switched off or denied (sandboxed frames).
    return undefined;
  }
}

/**
 * Remembers the user's pick for a year; without cookies it lasts for this page only. Secure, as
 * every Gatehouse cookie (browsers take Secure cookies from http://localhost too).
 */
export function rememberLocale(locale: SupportedLocale) {
  try {
    document.cookie = `${chosenLocaleCookie}=${locale}; path=/; max-age=31536000; samesite=lax; secure`;
  } catch {
    // As above: the choice still applies to this page.
  }
}

/**
 * Keeps `lang` on `root` (the `<html>` element) equal to the locale the page set, once it is
 * active, so that screen readers, hyphenation and spell checkers use the right language. Until
 * then `root` keeps the language the page came in (the server writes the one it rendered the
 * first step in): the runtime's own start in English, and overrides laid over it, never touch it,
 * not even for a moment. Returns a function that stops.
 */
export function syncDocumentLanguage(root: HTMLElement = document.documentElement) {
  documentRoot = root;
  return () => {
    documentRoot = undefined;
  };
}
