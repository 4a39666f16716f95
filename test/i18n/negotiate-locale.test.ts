import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  enabledLocales,
  negotiateLocale,
  supportedLocales,
  type LocaleInputs,
} from '../../src/i18n/negotiate-locale.js';

const allThree = { locales: ['en', 'nl', 'sv'], defaultLocale: 'en' };
const dutchDefault = { locales: ['en', 'nl', 'sv'], defaultLocale: 'nl' };
const noSwedish = { locales: ['en', 'nl'], defaultLocale: 'en' };

const cases: ReadonlyArray<readonly [string, LocaleInputs, string]> = [
  ['nothing known: the tenant default', { tenant: dutchDefault }, 'nl'],
  ['ui_locales first', { uiLocales: 'sv', chosen: 'nl', browser: ['nl'], tenant: allThree }, 'sv'],
  ['first supported ui_locales tag wins', { uiLocales: 'de fr sv nl', tenant: allThree }, 'sv'],
  ['ui_locales case-insensitive', { uiLocales: 'SV', tenant: allThree }, 'sv'],
  ['ui_locales region falls back', { uiLocales: 'nl-BE', tenant: allThree }, 'nl'],
  ['sv-FI is Swedish', { uiLocales: 'sv-FI', tenant: allThree }, 'sv'],
  ['tabs and repeated spaces separate', { uiLocales: ' \tde   sv ', tenant: allThree }, 'sv'],
  ['choice before browser', { chosen: 'sv', browser: ['nl-NL', 'nl'], tenant: allThree }, 'sv'],
  ['browser before tenant default', { browser: ['de-DE', 'sv-SE'], tenant: dutchDefault }, 'sv'],
  ['browser order counts', { browser: ['nl', 'sv'], tenant: allThree }, 'nl'],
  ['disabled locale skipped', { uiLocales: 'sv nl', tenant: noSwedish }, 'nl'],
  ['disabled choice skipped', { chosen: 'sv', browser: ['en-GB'], tenant: noSwedish }, 'en'],
  [
    'unsupported tenant locale',
    { uiLocales: 'de', tenant: { locales: ['de'], defaultLocale: 'de' } },
    'en',
  ],
  [
    'tenant enables no shipped locale',
    { browser: ['nl'], tenant: { locales: ['fi'], defaultLocale: 'fi' } },
    'en',
  ],
  [
    'tenant lists locales in upper case',
    { uiLocales: 'sv', tenant: { locales: ['EN', 'SV'], defaultLocale: 'EN' } },
    'sv',
  ],
  ['language must match, not a prefix', { uiLocales: 'nld svx', tenant: dutchDefault }, 'nl'],
  ['a remembered garbage value is ignored', { chosen: '"><img src=x>', tenant: allThree }, 'en'],
];

/** Malformed `ui_locales` values from docs/security.md#bad-inputs, each meant to fall back. */
const hostile: ReadonlyArray<readonly [string, string]> = [
  ['markup', '<script>window.__gateXss=1</script>'],
  ['markup around a tag', '<sv>'],
  ['an attribute break-out', 'sv" onmouseover="window.__gateXss=1'],
  ['path traversal', '../../../etc/passwd'],
  ['path traversal to a locale', '../sv'],
  ['a locale file name', 'sv.xlf'],
  ['1,000 tags with the match last', `${'xx '.repeat(999)}sv`],
  ['a match after 10 tags', 'aa bb cc dd ee ff gg hh ii jj sv'],
  ['a match after 256 bytes', `${'x'.repeat(300)} sv`],
  ['a match cut at 256 bytes of two-byte letters', `${'é'.repeat(127)} sv`],
  ['a megabyte', 'x'.repeat(1_000_000)],
  ['bidi override', '\u202Esv'],
  ['NUL', 'sv\u0000'],
  ['full-width letters', 'ｓｖ'],
  ['wildcard', '*'],
  ['underscore form', 'sv_SE'],
  ['prototype keys', '__proto__ constructor toString'],
];

describe('negotiateLocale', () => {
  for (const [name, inputs, expected] of cases) {
    it(name, () => expect(negotiateLocale(inputs)).to.equal(expected));
  }

  for (const [name, uiLocales] of hostile) {
    it(`falls back to the tenant default on ${name}`, () => {
      expect(negotiateLocale({ uiLocales, tenant: dutchDefault })).to.equal('nl');
    });
  }

  it('reads the tenth tag and up to 256 bytes', () => {
    expect(
      negotiateLocale({ uiLocales: 'aa bb cc dd ee ff gg hh ii sv', tenant: allThree }),
    ).to.equal('sv');
    // 240 bytes in 120 characters: bytes, not characters, are counted.
    expect(negotiateLocale({ uiLocales: `${'é'.repeat(120)} sv`, tenant: allThree })).to.equal(
      'sv',
    );
  });

  it('reads at most 10 browser languages', () => {
    const browser = [...Array.from({ length: 10 }, () => 'de'), 'sv'];
    expect(negotiateLocale({ browser, tenant: dutchDefault })).to.equal('nl');
  });

  it('never throws and always yields an enabled locale or en (property)', () => {
    const tag = fc.oneof(
      fc.constantFrom('en', 'nl', 'sv', 'nl-BE', 'SV-fi', 'de', 'x', '../', '<b>'),
      fc.string({ unit: 'binary', maxLength: 40 }),
    );
    const tagList = fc.oneof(
      fc.array(tag, { maxLength: 1_000 }).map((tags) => tags.join(' ')),
      fc.string({ unit: 'binary', maxLength: 2_000 }),
    );
    fc.assert(
      fc.property(
        fc.option(tagList, { nil: undefined }),
        fc.option(tag, { nil: undefined }),
        fc.option(fc.array(tag, { maxLength: 50 }), { nil: undefined }),
        fc.array(tag, { maxLength: 5 }),
        tag,
        (uiLocales, chosen, browser, locales, defaultLocale) => {
          const locale = negotiateLocale({
            uiLocales,
            chosen,
            browser,
            tenant: { locales, defaultLocale },
          });
          expect([...enabledLocales(locales), 'en']).to.include(locale);
          expect(supportedLocales).to.include(locale);
        },
      ),
    );
  });

  it('a supported ui_locales tag always wins (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...supportedLocales),
        fc.string({ unit: 'binary' }),
        fc.array(fc.string()),
        (locale, chosen, browser) => {
          const inputs = { uiLocales: locale, chosen, browser, tenant: allThree };
          expect(negotiateLocale(inputs)).to.equal(locale);
        },
      ),
    );
  });
});

describe('enabledLocales', () => {
  it('keeps the shipped locales a tenant enables, in shipped order', () => {
    expect(enabledLocales(['sv', 'de', 'en'])).to.deep.equal(['en', 'sv']);
    expect(enabledLocales([])).to.deep.equal([]);
  });
});
