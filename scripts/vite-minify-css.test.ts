import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minifyCss, minifyCssLiterals } from './vite-minify-css.js';

test('collapses whitespace and comments, keeping what a rule needs (a space after a colon may stand between selectors)', () => {
  assert.equal(
    minifyCss(`
      /* the ring */
      :host > [part='ring'] ,
      .gate-theme a {
        font-family: 'Segoe UI', system-ui;
        margin: 0 auto;
        inline-size: calc(100% - 2rem);
      }
      @media (prefers-reduced-motion: reduce) { [part='ring'] { animation: none; } }
    `),
    ":host>[part='ring'],.gate-theme a{font-family: 'Segoe UI',system-ui;margin: 0 auto;inline-size: calc(100% - 2rem);}@media (prefers-reduced-motion: reduce){[part='ring']{animation: none;}}",
  );
});

test('leaves templates with an interpolation, and other files, alone', () => {
  const plugin = minifyCssLiterals();
  const transform = plugin.transform as (code: string, id: string) => string | null;
  const code = 'const a = css`\n  a { b: c; }\n`; const d = css`x ${y} { z: 1; }`;';
  assert.equal(
    transform(code, '/repo/src/x.ts'),
    'const a = css`a{b: c;}`; const d = css`x ${y} { z: 1; }`;',
  );
  assert.equal(transform(code, '/repo/node_modules/lit/x.js'), null);
});
