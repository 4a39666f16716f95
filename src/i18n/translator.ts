/**
 * Email text in the recipient's language without touching @lit/localize's global locale (which
 * the server must not switch per request): each email's text is written as `msg(...)` calls on a
 * `msg` that is passed in. lit-localize extracts them like any other message (it recognises any
 * function of msg's type), translators see them in the XLIFF files, and here every locale gets
 * its own `msg` that reads the generated templates of that locale by id, as lit-localize's
 * runtime does, but as a pure function of its arguments.
 */
import { isStrTagged, joinStringsAndValues, type MsgFn, type TemplateMap } from '@lit/localize';
import { templates as nl } from './generated/locales/nl.js';
import { templates as sv } from './generated/locales/sv.js';
import type { SupportedLocale } from './negotiate-locale.js';
import { overrideTemplates, type MessageOverrides } from './override-templates.js';

const translations: Record<SupportedLocale, TemplateMap | undefined> = {
  en: undefined,
  nl,
  sv,
};

/** The messages of one locale by id: its translation with a tenant's overrides laid over it. */
export function localeTemplates(
  locale: SupportedLocale,
  overrides?: MessageOverrides,
): TemplateMap {
  return { ...translations[locale], ...overrideTemplates(overrides) };
}

/**
 * A `msg` for one locale; English (and any id without a translation) reads the source text. A
 * tenant's overrides for the locale (validated when the tenants load) win over both.
 */
export function translator(locale: SupportedLocale, overrides?: MessageOverrides): MsgFn {
  const templates = localeTemplates(locale, overrides);
  const translate = (template: unknown, options?: { id?: string }) => {
    const source = template as Parameters<MsgFn>[0];
    const localized = options?.id === undefined ? undefined : templates[options.id];
    if (typeof source === 'string') return typeof localized === 'string' ? localized : source;
    if (!isStrTagged(source)) throw new TypeError('Email text is plain text: string or str`` only');
    // A translated str`` names, by index, which of the source's values goes where.
    return localized !== undefined && isStrTagged(localized)
      ? joinStringsAndValues(localized.strings, source.values, localized.values as number[])
      : joinStringsAndValues(source.strings, source.values);
  };
  return translate as MsgFn;
}
