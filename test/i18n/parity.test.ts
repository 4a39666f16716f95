import { expect } from '@open-wc/testing';
import { targetLocales } from '../../src/i18n/generated/locale-codes.js';
import { translations, type TargetLocale } from '../../src/i18n/translations.js';

/**
 * Messages whose translation may read exactly like the English (brand names, shared loanwords),
 * by locale. Everything else must be translated.
 */
/** Messages made only of placeholders and punctuation read the same in every language. */
const sameAsEnglish: Record<TargetLocale, readonly string[]> = {
  nl: ['studio_mail_title'],
  sv: ['studio_mail_title'],
};

interface Unit {
  id: string;
  source: Element;
  target: Element | undefined;
}

/** A message as text, with each placeholder written as its expression: `Wait ${wait} seconds`. */
function text(element: Element): string {
  return [...element.childNodes]
    .map((node) =>
      node instanceof Element ? (node.getAttribute('equiv-text') ?? '') : (node.textContent ?? ''),
    )
    .join('')
    .trim();
}

const placeholders = (element: Element) =>
  [...element.getElementsByTagName('x')]
    .map((x) => `${x.getAttribute('id')}=${x.getAttribute('equiv-text')}`)
    .sort();

async function readXliff(locale: TargetLocale): Promise<{ language: string; units: Unit[] }> {
  const response = await fetch(`/locales/${locale}.xlf`);
  expect(response.ok, `/locales/${locale}.xlf`).to.equal(true);
  const xml = new DOMParser().parseFromString(await response.text(), 'application/xml');
  expect(xml.getElementsByTagName('parsererror'), `${locale}.xlf is XML`).to.have.length(0);
  const units = [...xml.getElementsByTagName('trans-unit')].map((unit) => ({
    id: unit.getAttribute('id') ?? '',
    source: unit.getElementsByTagName('source')[0],
    target: unit.getElementsByTagName('target')[0],
  }));
  const language = xml.getElementsByTagName('file')[0]?.getAttribute('target-language') ?? '';
  return { language, units };
}

describe('translations (XLIFF)', () => {
  const files = new Map<TargetLocale, Unit[]>();
  before(async () => {
    for (const locale of targetLocales) {
      const { language, units } = await readXliff(locale);
      expect(language).to.equal(locale);
      files.set(locale, units);
    }
  });

  const unitsOf = (locale: TargetLocale) => files.get(locale) ?? [];

  it('has a file per target locale with the same ids, each once', () => {
    const [first, ...others] = targetLocales.map((locale) => unitsOf(locale).map((u) => u.id));
    expect(first).to.have.length.greaterThan(0);
    expect(new Set(first).size).to.equal(first.length);
    for (const ids of others) expect([...ids].sort()).to.deep.equal([...first].sort());
  });

  for (const locale of targetLocales) {
    describe(locale, () => {
      it('has every message of the build (nothing left unextracted)', async () => {
        const { templates } = await translations[locale]();
        const ids = unitsOf(locale).map((u) => u.id);
        expect(Object.keys(templates).sort()).to.deep.equal([...ids].sort());
      });

      it('translates every message', () => {
        const missing = unitsOf(locale)
          .filter((unit) => !unit.target || text(unit.target) === '')
          .map((unit) => unit.id);
        expect(missing).to.deep.equal([]);
      });

      it('differs from the English except where listed', () => {
        const same = unitsOf(locale)
          .filter((unit) => unit.target && text(unit.target) === text(unit.source))
          .map((unit) => unit.id);
        expect(same).to.deep.equal([...sameAsEnglish[locale]]);
      });

      it('keeps every placeholder, and no markup beyond them', () => {
        for (const { id, source, target } of unitsOf(locale)) {
          if (!target) continue;
          expect(placeholders(target), id).to.deep.equal(placeholders(source));
          const elements = [...target.getElementsByTagName('*')].map((e) => e.localName);
          expect(
            elements.every((name) => name === 'x'),
            id,
          ).to.equal(true);
          expect(text(target), id).not.to.match(/[<>]/);
        }
      });
    });
  }
});
