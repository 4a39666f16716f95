import { expect } from '@open-wc/testing';
import { shippedTenants } from '../../src/tenant/shipped-tenants.js';
import { rawList, rawText } from '../support/raw-files.js';

/**
 * One word per concept in each language, across pages, emails, theme packs and tenant wording:
 * nl says inloggen, wachtwoord, verificatiecode and e-mailadres; sv says logga in, lösenord,
 * verifieringskod and e-postadress. These are the other words a writer reaches for.
 */
const otherWords = {
  nl: [
    /\baanmeld/i,
    /\bmeld (je|u) (je |u )?aan\b/i,
    /\bafmeld/i,
    /\bpaswoord/i,
    /\bwachtwoordherstel/i,
    /\b(bevestigings|beveiligings|controle)code/i,
    /\bverificatie-code/i,
    /\b(e-?mail|mail) ?adres/i,
    /\buw\b/i,
  ],
  sv: [
    /\blogga på\b/i,
    /\bloggas på\b/i,
    /\bpåloggning/i,
    /\bverifikationskod/i,
    /\b(bekräftelse|säkerhets)kod/i,
    /\b(e-?mail|mejl|epost)adress/i,
    /\blösen\b/i,
  ],
} as const;

/** Only the standard spelling: `e-mailadres` and `e-postadress` themselves are fine. */
const allowed = { nl: /\be-mailadres/gi, sv: /\be-postadress/gi } as const;

type Locale = keyof typeof otherWords;

/** The translated texts of an XLIFF file, by message id. */
async function xliffTargets(locale: Locale): Promise<[string, string][]> {
  const xml = new DOMParser().parseFromString(
    await (await fetch(`/locales/${locale}.xlf`)).text(),
    'application/xml',
  );
  return [...xml.getElementsByTagName('trans-unit')].map((unit) => [
    `${locale}.xlf ${unit.getAttribute('id')}`,
    unit.getElementsByTagName('target')[0]?.textContent ?? '',
  ]);
}

/** Every string in a JSON value. */
const stringsOf = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : value && typeof value === 'object'
      ? Object.values(value).flatMap(stringsOf)
      : [];

async function themeTexts(locale: Locale): Promise<[string, string][]> {
  const files = (await rawList('themes')).filter((path) => path.endsWith(`/text/${locale}.json`));
  expect(files, `theme packs with ${locale} text`).to.not.be.empty;
  const texts = await Promise.all(
    files.map(async (file) =>
      stringsOf(JSON.parse(await rawText(file))).map((text): [string, string] => [file, text]),
    ),
  );
  return texts.flat();
}

const tenantTexts = (locale: Locale): [string, string][] =>
  shippedTenants().flatMap((tenant) =>
    Object.values(tenant.textOverrides?.[locale] ?? {}).map((text): [string, string] => [
      `tenants/${tenant.id}.json`,
      text,
    ]),
  );

describe('terminology', () => {
  for (const locale of ['nl', 'sv'] as const) {
    it(`uses one word per concept in ${locale}: pages, emails, theme packs and tenants`, async () => {
      const texts = [
        ...(await xliffTargets(locale)),
        ...(await themeTexts(locale)),
        ...tenantTexts(locale),
      ];
      expect(texts.length).to.be.greaterThan(80);
      for (const [where, text] of texts) {
        const checked = text.replace(allowed[locale], '');
        for (const word of otherWords[locale]) {
          expect(checked, `${where}: "${text}"`).to.not.match(word);
        }
      }
    });
  }
});
