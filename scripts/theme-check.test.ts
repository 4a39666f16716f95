/**
 * The checker as CI and brand teams run it: a real process, its exit code and its output.
 * Run with `npm run test:node` (node:test, TypeScript through tsx).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const fixtures = 'test/fixtures/themes';

async function check(...args: string[]) {
  const { code, stdout, stderr } = await new Promise<{
    code: number;
    stdout: string;
    stderr: string;
  }>((resolve) => {
    execFile(
      './node_modules/.bin/tsx',
      ['scripts/theme-check.ts', ...args],
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
  return { code, errors: stderr.trim().split('\n').filter(Boolean), summary: stdout.trim() };
}

/** [fixture, a line of its output] */
const broken = [
  ['bad-colour', `${fixtures}/bad-colour/theme.json: tokens.color-brand: must be a colour`],
  ['css-in-colour', `${fixtures}/css-in-colour/theme.json: tokens.color-brand: must be a colour`],
  [
    'low-contrast',
    `${fixtures}/low-contrast/theme.json: tokens.color-text-quiet: contrast 2.61:1 on color-surface`,
  ],
  [
    'missing-parent',
    `${fixtures}/missing-parent/theme.json: extends: no theme pack "no-such-pack"`,
  ],
  ['loop-a', `${fixtures}/loop-b/theme.json: extends: "loop-a" leads back to itself`],
  [
    'oversize-image',
    `${fixtures}/oversize-image/assets/background.png: assets.background: is 4000x3000 pixels`,
  ],
  [
    'svg-script',
    `${fixtures}/svg-script/assets/banner-logo.svg: assets.bannerLogo: SVG must not contain <script>`,
  ],
  ['long-text', `${fixtures}/long-text/text/en.json: signInIntro: Too big`],
  ['markup-text', `${fixtures}/markup-text/text/en.json: signInIntro: must be plain text`],
  [
    'missing-asset',
    `${fixtures}/missing-asset/theme.json: assets.favicon: assets/favicon.svg does not exist`,
  ],
  ['unknown-field', `${fixtures}/unknown-field/theme.json: tokens.color-brnad: unknown field`],
  ['wrong-type', `${fixtures}/wrong-type/theme.json: tokens: Invalid input`],
  [
    'dark-low-contrast',
    `${fixtures}/dark-low-contrast/theme.json: dark.color-text-quiet: contrast 2.15:1 on color-surface in the dark scheme`,
  ],
  [
    'dark-on-image',
    `${fixtures}/dark-on-image/theme.json: tokens.color-text-quiet: contrast 2.39:1 on color-background (the language label and footer text, on their panel over a background image)`,
  ],
  [
    'four-problems',
    `${fixtures}/four-problems/theme.json: colorScheme: Invalid option: expected one of "light"|"dark"`,
  ],
  [
    'stray-locale',
    `${fixtures}/stray-locale/text/de.json: (file): not a locale file the pages read`,
  ],
] as const;

// Each case is its own process, so they can run side by side.
describe('npm run theme:check', { concurrency: true }, () => {
  it('passes every shipped pack with exit code 0', async () => {
    const result = await check();
    assert.deepEqual(result.errors, []);
    assert.equal(result.code, 0);
    assert.match(result.summary, /4 pack\(s\), no problems/);
  });

  it('passes the valid fixture base pack', async () => {
    assert.equal((await check(`${fixtures}/base`)).code, 0);
  });

  for (const [fixture, line] of broken) {
    it(`fails ${fixture} with exit code 1, naming file and field`, async () => {
      const result = await check(`${fixtures}/${fixture}`);
      assert.equal(result.code, 1);
      assert.ok(
        result.errors.some((error) => error.startsWith(line)),
        `expected a line starting with\n  ${line}\ngot\n  ${result.errors.join('\n  ')}`,
      );
    });
  }

  it('covers every broken fixture', () => {
    const folders = readdirSync(fixtures).filter((name) => !['base', 'loop-b'].includes(name));
    assert.deepEqual(folders.sort(), broken.map(([fixture]) => fixture).sort());
  });

  it('reports a schema, a contrast, an asset and a text problem of one pack in one run', async () => {
    const result = await check(`${fixtures}/four-problems`);
    const pack = `${fixtures}/four-problems`;
    assert.equal(result.code, 1);
    for (const line of [
      `${pack}/theme.json: colorScheme: Invalid option`,
      `${pack}/theme.json: tokens.color-text-quiet: contrast 2.61:1 on color-surface`,
      `${pack}/theme.json: assets.favicon: assets/favicon.svg does not exist`,
      `${pack}/text/en.json: signInIntro: Too big`,
    ]) {
      assert.ok(
        result.errors.some((error) => error.startsWith(line)),
        `expected ${line}\ngot\n  ${result.errors.join('\n  ')}`,
      );
    }
    // A refused field is named once, not again as missing where it was dropped.
    assert.equal(result.errors.length, 5, result.errors.join('\n'));
  });

  it('checks a pack outside the repository that extends a shipped pack', async () => {
    const brand = mkdtempSync(join(tmpdir(), 'gatehouse-brand-'));
    try {
      const pack = join(brand, 'northwind');
      mkdirSync(pack);
      cpSync('themes/contoso/assets', join(pack, 'assets'), { recursive: true });
      const manifest = {
        id: 'northwind',
        name: 'Northwind',
        extends: 'default',
        tokens: { 'color-brand': '#1d4f91' },
        assets: { bannerLogo: 'assets/banner-logo.svg' },
      };
      writeFileSync(join(pack, 'theme.json'), JSON.stringify(manifest));
      const passing = await check(pack);
      assert.deepEqual(passing.errors, []);
      assert.equal(passing.code, 0);

      writeFileSync(
        join(pack, 'theme.json'),
        JSON.stringify({ ...manifest, extends: 'defualt', tokens: { 'color-brand': '#d0d0d0' } }),
      );
      const failing = await check(pack);
      assert.equal(failing.code, 1);
      assert.deepEqual(failing.errors, [
        `${pack}/theme.json: extends: no theme pack "defualt" (no ${brand}/defualt/theme.json, themes/defualt/theme.json)`,
      ]);

      writeFileSync(
        join(pack, 'theme.json'),
        JSON.stringify({ ...manifest, tokens: { 'color-brand': '#d0d0d0' } }),
      );
      const contrast = await check(pack);
      assert.ok(
        contrast.errors.some((error) =>
          error.startsWith(`${pack}/theme.json: tokens.color-brand: contrast`),
        ),
        contrast.errors.join('\n'),
      );
    } finally {
      rmSync(brand, { recursive: true, force: true });
    }
  });

  it('fails when any of several packs fails', async () => {
    assert.equal((await check('themes/contoso', `${fixtures}/bad-colour`)).code, 1);
  });

  it('exits 2 for a folder that does not exist', async () => {
    const result = await check('themes/no-such-pack');
    assert.equal(result.code, 2);
    assert.match(result.errors.join('\n'), /no such folder: themes\/no-such-pack/);
  });
});
