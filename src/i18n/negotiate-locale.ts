/**
 * Which language a page speaks, as a pure function of what the URL, the user, the browser and the
 * tenant say. Input is untrusted: only the locales we ship can come out, so nothing a URL carries
 * is ever reflected into the page (docs/security.md#rule-20).
 */
import { allLocales, sourceLocale } from './generated/locale-codes.js';

export type SupportedLocale = (typeof allLocales)[number];

/**
 * The cookie that remembers the language a user picked in the page's menu. A cookie rather than
 * storage, so that the server renders the page in that language as well.
 */
export const chosenLocaleCookie = 'gatehouse_locale';

export const supportedLocales: readonly SupportedLocale[] = allLocales;

/** docs/security.md#rule-20: read at most this much of any list of language tags. */
export const maxLocaleTags = 10;
export const maxLocaleBytes = 256;

export interface LocaleInputs {
  /** The raw `ui_locales` query value (OIDC): space-separated tags, most preferred first. */
  uiLocales?: string | undefined;
  /** The language the user picked on the page earlier, as remembered. */
  chosen?: string | undefined;
  /** The browser's languages, most preferred first (`navigator.languages`). */
  browser?: readonly string[] | undefined;
  /** The tenant's enabled locales and its default. */
  tenant: { locales: readonly string[]; defaultLocale: string };
}

const languageTag = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function isSupportedLocale(value: unknown): value is SupportedLocale {
  return (supportedLocales as readonly unknown[]).includes(value);
}

/** The first `maxLocaleBytes` bytes of a list of tags, split, at most `maxLocaleTags` of them. */
function readTags(list: string): string[] {
  // Cutting by code units first keeps a megabyte of input from being encoded whole.
  const bounded = encoder.encode(list.slice(0, maxLocaleBytes)).subarray(0, maxLocaleBytes);
  return decoder.decode(bounded).split(/\s+/).filter(Boolean).slice(0, maxLocaleTags);
}

/** The shipped locale a tag names: exactly, case-insensitively, or by its language (`nl-BE` is `nl`). */
function matchTag(tag: string, enabled: readonly SupportedLocale[]): SupportedLocale | undefined {
  if (!languageTag.test(tag)) return undefined;
  const lower = tag.toLowerCase();
  const language = lower.split('-')[0];
  return (
    enabled.find((locale) => locale === lower) ?? enabled.find((locale) => locale === language)
  );
}

/** The shipped locales among the ones a tenant enables, in our order. */
export function enabledLocales(tenantLocales: readonly string[]): SupportedLocale[] {
  const tenant = tenantLocales.map((locale) => locale.toLowerCase());
  return supportedLocales.filter((locale) => tenant.includes(locale));
}

/**
 * `ui_locales` > the user's own choice > the browser's languages > the tenant's default > `en`;
 * within each, the first tag that names one of the tenant's enabled locales wins.
 */
export function negotiateLocale(inputs: LocaleInputs): SupportedLocale {
  const enabled = enabledLocales(inputs.tenant.locales);
  const preferences = [
    readTags(inputs.uiLocales ?? ''),
    readTags(inputs.chosen ?? ''),
    readTags((inputs.browser ?? []).slice(0, maxLocaleTags).join(' ')),
    readTags(inputs.tenant.defaultLocale),
  ];
  for (const tags of preferences) {
    for (const tag of tags) {
      const match = matchTag(tag, enabled);
      if (match) return match;
    }
  }
  return sourceLocale;
}
