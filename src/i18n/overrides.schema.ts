/**
 * Tenant text overrides: `{ "nl": { "ver_but_send": "Stuur mij een code" } }` replaces single
 * messages per locale, English included. Placeholders are written `{0}`, `{1}` ..., numbered as the
 * `<x id>` elements of that message in the XLIFF files. Values are plain text; they are rendered as
 * text, and anything that looks like markup is refused at the edge (docs/security.md#rule-21).
 */
import * as z from 'zod/mini';
import type { TemplateMap } from '@lit/localize';
import { parseDataFile, type DataFileResult } from '../data/data-file.schema.js';
import { hiddenControls } from './hidden-controls.js';
import { isSupportedLocale, supportedLocales } from './negotiate-locale.js';
import { targetLocales } from './generated/locale-codes.js';
import { translations } from './translations.js';

import { placeholder, type TextOverrides } from './override-templates.js';

/** Every message id, with the number of placeholders its text has. */
export type MessageCatalog = ReadonlyMap<string, number>;

/** Ours: longer than any message we ship, short enough that a pasted document is refused. */
export const maxOverrideLength = 500;

function catalogFromTemplates(templates: TemplateMap): MessageCatalog {
  return new Map(
    Object.entries(templates).map(([id, template]) => [
      id,
      typeof template === 'string' ? 0 : new Set(template.values).size,
    ]),
  );
}

/**
 * The message ids of this build. lit-localize writes every id into every locale module (with the
 * English text where a translation is missing), so any one of them lists them all.
 */
export async function loadMessageCatalog(): Promise<MessageCatalog> {
  const { templates } = await translations[targetLocales[0]]();
  return catalogFromTemplates(templates);
}

function placeholderProblem(text: string, placeholders: number): string | undefined {
  const unknown = [...text.matchAll(placeholder)]
    .map((match) => Number(match[1]))
    .find((index) => index >= placeholders);
  if (unknown === undefined) return undefined;
  return placeholders === 0
    ? `has no placeholders, so {${unknown}} cannot be used`
    : `unknown placeholder {${unknown}}; this message has {0} to {${placeholders - 1}}`;
}

const overrideText = z.string().check(
  z.minLength(1),
  z.maxLength(maxOverrideLength),
  z.refine((text) => !/[<>]/.test(text), 'must be plain text without < or >'),
  z.refine(
    (text) => !hiddenControls.test(text),
    'must not contain control or bidirectional formatting characters',
  ),
);

/** The schema of an overrides file, checked against the messages this build has. */
export function textOverridesSchema(catalog: MessageCatalog) {
  return z.record(z.string(), z.record(z.string(), overrideText)).check(
    z.superRefine((overrides, context) => {
      for (const [locale, messages] of Object.entries(overrides)) {
        if (!isSupportedLocale(locale)) {
          const expected = supportedLocales.join(', ');
          context.addIssue({
            code: 'custom',
            message: `unknown locale; expected one of ${expected}`,
            path: [locale],
            input: locale,
          });
          continue;
        }
        for (const [id, text] of Object.entries(messages)) {
          const placeholders = catalog.get(id);
          const problem =
            placeholders === undefined
              ? 'unknown message id'
              : placeholderProblem(text, placeholders);
          if (problem) {
            context.addIssue({ code: 'custom', message: problem, path: [locale, id], input: text });
          }
        }
      }
    }),
  );
}

/** Validates an overrides file; every error names the file, the locale and the message id. */
export function parseTextOverrides(
  file: string,
  data: unknown,
  catalog: MessageCatalog,
): DataFileResult<TextOverrides> {
  return parseDataFile<TextOverrides>(textOverridesSchema(catalog), file, data);
}
