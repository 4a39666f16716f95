/**
 * The active locale for code that formats by it (durations in failure sentences) without
 * configuring the localization runtime itself: the browser's runtime (localization.ts) and the
 * server's rendering (server/http/first-page.ts) each tell it where to read.
 */
import { sourceLocale } from './generated/locale-codes.js';
import type { SupportedLocale } from './negotiate-locale.js';

let read: () => SupportedLocale = () => sourceLocale;

export const currentLocale = () => read();

export function readLocaleFrom(source: () => SupportedLocale): void {
  read = source;
}
