/**
 * Laying validated tenant text overrides over the messages at run time. Kept apart from their
 * validation (overrides.schema.ts), which needs zod and the message catalog: the sign-in page only
 * needs this.
 */
import { str, type TemplateMap } from '@lit/localize';
import type { SupportedLocale } from './negotiate-locale.js';

export type MessageOverrides = Record<string, string>;
export type TextOverrides = Partial<Record<SupportedLocale, MessageOverrides>>;

/** `{0}`, `{1}` ...: a placeholder in override text, numbered as in the XLIFF. */
export const placeholder = /\{(\d+)\}/g;

/** One locale's validated overrides as lit-localize templates; `{0}` becomes that placeholder. */
export function overrideTemplates(messages: MessageOverrides = {}): TemplateMap {
  return Object.fromEntries(
    Object.entries(messages).map(([id, text]) => {
      const parts = text.split(placeholder);
      if (parts.length === 1) return [id, text];
      // split() with a capture group alternates text and placeholder numbers.
      const strings = parts.filter((_, index) => index % 2 === 0);
      const values = parts.filter((_, index) => index % 2 === 1).map(Number);
      return [id, str(Object.assign(strings, { raw: strings }), ...values)];
    }),
  );
}
