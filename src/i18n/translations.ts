/**
 * Where each translation lives. Every locale is its own chunk, imported on demand, so a first
 * load carries English only.
 */
import type { LocaleModule } from '@lit/localize';
import type { targetLocales } from './generated/locale-codes.js';

export type TargetLocale = (typeof targetLocales)[number];

/** A locale added to lit-localize.json fails to compile here until it has a loader. */
export const translations: Record<TargetLocale, () => Promise<LocaleModule>> = {
  nl: () => import('./generated/locales/nl.js'),
  sv: () => import('./generated/locales/sv.js'),
};
