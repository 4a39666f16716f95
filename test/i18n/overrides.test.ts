import { expect } from '@open-wc/testing';
import {
  loadMessageCatalog,
  maxOverrideLength,
  parseTextOverrides,
  type MessageCatalog,
} from '../../src/i18n/overrides.schema.js';
import { overrideTemplates } from '../../src/i18n/override-templates.js';

const file = 'themes/contoso/text.json';

describe('text overrides', () => {
  let catalog: MessageCatalog;
  before(async () => {
    catalog = await loadMessageCatalog();
  });

  const parse = (data: unknown) => parseTextOverrides(file, data, catalog);
  const errorsOf = (data: unknown) => {
    const result = parse(data);
    return result.ok ? [] : result.failure;
  };

  it('knows every message and its placeholders', () => {
    expect(catalog.get('ver_but_send')).to.equal(0);
    expect(catalog.get('ver_fail_retry')).to.equal(1);
    expect(catalog.get('no_such_message')).to.equal(undefined);
  });

  it('accepts plain text per locale, English included, with the placeholders a message has', () => {
    const data = {
      en: { heading: 'Welcome back' },
      nl: { ver_but_send: 'Stuur mij een code', ver_fail_retry: 'Nog {0} pogingen.' },
      sv: {},
    };
    expect(parse(data)).to.deep.equal({ ok: true, value: data });
  });

  const refused: ReadonlyArray<readonly [string, unknown, string]> = [
    [
      'an unknown locale',
      { de: { heading: 'Anmelden' } },
      `${file}: de: unknown locale; expected one of en, nl, sv`,
    ],
    ['a region tag', { 'nl-BE': { heading: 'Aanmelden' } }, `${file}: nl-BE: unknown locale`],
    [
      'an unknown message id',
      { nl: { heding: 'Inloggen' } },
      `${file}: nl.heding: unknown message id`,
    ],
    [
      'an img with onerror',
      { nl: { heading: '<img src=x onerror=window.__gateXss=1>' } },
      `${file}: nl.heading: must be plain text without < or >`,
    ],
    [
      'a script element',
      { sv: { heading: '<script>window.__gateXss=1</script>' } },
      `${file}: sv.heading: must be plain text without < or >`,
    ],
    [
      'a lone angle bracket',
      { en: { heading: 'a > b' } },
      `${file}: en.heading: must be plain text`,
    ],
    [
      'a bidi override',
      { nl: { heading: 'Inlog\u202Egen' } },
      `${file}: nl.heading: must not contain control or bidirectional formatting characters`,
    ],
    [
      'a bidi isolate',
      { nl: { heading: '\u2067Inloggen' } },
      `${file}: nl.heading: must not contain control`,
    ],
    [
      'a control character',
      { nl: { heading: 'Inloggen\u0000' } },
      `${file}: nl.heading: must not contain control`,
    ],
    ['10,000 characters', { nl: { heading: 'a'.repeat(10_000) } }, `${file}: nl.heading: `],
    ['an empty text', { nl: { heading: '' } }, `${file}: nl.heading: `],
    ['a number', { nl: { heading: 42 } }, `${file}: nl.heading: `],
    ['an object', { nl: { heading: { text: 'Inloggen' } } }, `${file}: nl.heading: `],
    ['a list of messages', { nl: ['Inloggen'] }, `${file}: nl: `],
    ['a list at the top', [{ nl: {} }], `${file}: (top level): `],
    [
      'a placeholder the message does not have',
      { nl: { ver_fail_retry: 'Nog {1} pogingen.' } },
      `${file}: nl.ver_fail_retry: unknown placeholder {1}; this message has {0} to {0}`,
    ],
    [
      'a placeholder in a message without any',
      { sv: { ver_but_send: 'Skicka {0}' } },
      `${file}: sv.ver_but_send: has no placeholders, so {0} cannot be used`,
    ],
  ];
  for (const [name, data, error] of refused) {
    it(`refuses ${name}, naming the file and field`, () => {
      const errors = errorsOf(data);
      expect(errors, JSON.stringify(errors)).to.have.length.greaterThan(0);
      expect(
        errors.some((e) => e.startsWith(error)),
        JSON.stringify(errors),
      ).to.equal(true);
    });
  }

  it('allows texts up to the limit', () => {
    expect(parse({ nl: { heading: 'a'.repeat(maxOverrideLength) } }).ok).to.equal(true);
    expect(parse({ nl: { heading: 'a'.repeat(maxOverrideLength + 1) } }).ok).to.equal(false);
  });

  it('reports every problem, not just the first', () => {
    expect(errorsOf({ de: {}, nl: { heding: 'x', heading: '<b>' } })).to.have.length(3);
  });

  it('gives __proto__ no effect', () => {
    const result = parse(JSON.parse('{"__proto__": {"heading": "x"}, "nl": {"__proto__": "y"}}'));
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(Object.getPrototypeOf(result.value)).to.equal(Object.prototype);
    expect(Object.keys(result.value)).to.deep.equal(['nl']);
    expect(Object.keys(result.value.nl ?? {})).to.deep.equal([]);
    expect(({} as Record<string, unknown>).heading).to.equal(undefined);
  });

  describe('overrideTemplates', () => {
    it('keeps plain text as it is', () => {
      expect(overrideTemplates({ heading: 'Welkom' })).to.deep.equal({ heading: 'Welkom' });
    });

    it('turns numbered placeholders into the values of the message, in any order', () => {
      const template = overrideTemplates({ x: '{1} then {0}, again {1}' }).x;
      expect(template).to.include({ strTag: true });
      if (typeof template !== 'object' || !('strTag' in template)) return;
      expect([...template.strings]).to.deep.equal(['', ' then ', ', again ', '']);
      expect(template.values).to.deep.equal([1, 0, 1]);
    });

    it('makes nothing of no overrides', () => {
      expect(overrideTemplates()).to.deep.equal({});
    });
  });
});
