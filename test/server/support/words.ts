/** A page's text in a locale, by message id, as the translations say it; English is the source text given. */
import { templates as nl } from '../../../src/i18n/generated/locales/nl.js';
import { templates as sv } from '../../../src/i18n/generated/locales/sv.js';

const translations = { en: {}, nl, sv } as const;
export type Locale = keyof typeof translations;

export function words(locale: Locale) {
  return (id: string, english: string, ...values: (string | number)[]) => {
    const template = (translations[locale] as Record<string, unknown>)[id];
    if (template === undefined)
      return english.replace(/\{(\d)\}/g, (_, index: string) => String(values[Number(index)]));
    if (typeof template === 'string') return template;
    const { strings, values: order } = template as { strings: string[]; values: number[] };
    return strings.reduce(
      (text, part, index) =>
        text + part + (index < order.length ? String(values[order[index]!]) : ''),
      '',
    );
  };
}
