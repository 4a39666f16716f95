import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { colorProblem, parseColor, toHex } from '../../../src/theme/pack/color.js';
import { namedColors } from '../../../src/theme/pack/named-colors.js';

/** [written, #rrggbb] */
const accepted = [
  ['#0b5cad', '#0b5cad'],
  ['#0B5CAD', '#0b5cad'],
  ['#fff', '#ffffff'],
  ['#ffff', '#ffffff'],
  ['#0b5cadff', '#0b5cad'],
  ['navy', '#000080'],
  ['RebeccaPurple', '#663399'],
  ['rgb(11, 92, 173)', '#0b5cad'],
  ['rgb(11 92 173)', '#0b5cad'],
  ['rgb(11 92 173 / 1)', '#0b5cad'],
  ['rgba(11, 92, 173, 1)', '#0b5cad'],
  ['rgb(100% 0% 0%)', '#ff0000'],
  ['rgb(300 -5 0)', '#ff0000'],
  ['hsl(210 88% 36%)', '#0b5cad'],
  ['hsl(210, 88%, 36%)', '#0b5cad'],
  ['hsl(0.5turn 100% 50%)', '#00ffff'],
  ['hsla(120deg 100% 25% / 100%)', '#008000'],
  [' white ', '#ffffff'],
] as const;

/** [what, value, problem starts with] */
const refused = [
  ['CSS injected after a colour', 'red;background:url(x)', 'must be a colour'],
  ['a declaration break inside rgb()', 'rgb(1,2,3);x:url(y)', 'must be a colour'],
  ['a url()', 'url(https://evil.example/x.png)', 'must be a colour'],
  ['var()', 'var(--gate-color-brand)', 'must be a colour'],
  ['a gradient', 'linear-gradient(red, blue)', 'must be a colour'],
  ['an expression', 'expression(window.__gateXss=1)', 'must be a colour'],
  ['a made-up name', 'bluish', 'must be a colour'],
  ['a prototype key', 'constructor', 'must be a colour'],
  ['currentcolor', 'currentcolor', 'must be a colour'],
  ['five hex digits', '#12345', 'must be a colour'],
  ['markup', '<b>red</b>', 'must be a colour'],
  ['empty', '', 'must be a colour'],
  ['transparent', 'transparent', 'must be a colour'],
  ['half-transparent hex', '#0b5cad80', 'must be opaque'],
  ['half-transparent rgb()', 'rgb(0 0 0 / 0.5)', 'must be opaque'],
] as const;

/** The red, green and blue channels Chromium computes for a CSS colour value. */
function browserChannels(value: string): [number, number, number] {
  const probe = document.createElement('span');
  probe.style.color = value;
  document.body.append(probe);
  const [r, g, b] = getComputedStyle(probe)
    .color.match(/[\d.]+/g)!
    .map(Number);
  probe.remove();
  return [r!, g!, b!];
}

const argumentParts = [
  '0',
  '1',
  '255',
  '50%',
  '1e3',
  '.5',
  '1.',
  '120deg',
  '0.5turn',
  '-1',
  '+2',
  ' ',
  ',',
  '/',
  'none',
];
const fragments = [
  'red',
  'rgb(',
  'hsl(',
  '#',
  ';',
  '}',
  'url(',
  ' ',
  ',',
  '/',
  '%',
  ')',
  '1',
  '0.5',
  'e3',
  'a',
  'f',
  'deg',
];

describe('theme/color', () => {
  for (const [written, hex] of accepted) {
    it(`reads ${JSON.stringify(written)} as ${hex}`, () => {
      expect(colorProblem(written)).to.equal(undefined);
      expect(toHex(parseColor(written)!)).to.equal(hex);
    });
  }

  for (const [what, value, problem] of refused) {
    it(`refuses ${what}: ${JSON.stringify(value)}`, () => {
      expect(colorProblem(value)).to.match(new RegExp(`^${problem}`));
    });
  }

  it('knows the 148 CSS colour names, with the values Chromium gives them', () => {
    expect(namedColors.size).to.equal(148);
    for (const [name, hex] of namedColors) {
      const [r, g, b] = browserChannels(name);
      expect(toHex({ r, g, b, alpha: 1 }), name).to.equal(`#${hex}`);
    }
  });

  it('reads hex, rgb() and hsl() colours as Chromium does', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)).map(([r, g, b]) => `rgb(${r} ${g} ${b})`),
          fc
            .tuple(fc.nat(359), fc.nat(100), fc.nat(100))
            .map(([h, s, l]) => `hsl(${h}, ${s}%, ${l}%)`),
          fc
            .tuple(fc.nat(255), fc.nat(255), fc.nat(255))
            .map((channels) => toHex({ r: channels[0], g: channels[1], b: channels[2], alpha: 1 })),
        ),
        (value) => {
          const ours = parseColor(value)!;
          const [r, g, b] = browserChannels(value);
          // hsl() lands between integers; Chromium and we may round the other way.
          expect(Math.abs(ours.r - r)).to.be.at.most(1);
          expect(Math.abs(ours.g - g)).to.be.at.most(1);
          expect(Math.abs(ours.b - b)).to.be.at.most(1);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('accepts nothing that is not a colour to the browser', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.array(fc.constantFrom(...fragments), { maxLength: 14 }).map((parts) => parts.join('')),
          fc
            .tuple(
              fc.constantFrom('rgb', 'rgba', 'hsl', 'hsla'),
              fc.array(fc.constantFrom(...argumentParts), { maxLength: 9 }),
            )
            .map(([name, parts]) => `${name}(${parts.join('')})`),
        ),
        (value) => {
          if (parseColor(value)) expect(CSS.supports('color', value), value).to.equal(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
