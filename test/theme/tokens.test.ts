import { expect } from '@open-wc/testing';
import { parseColor, toHex } from '../../src/theme/pack/color.js';
import { baseTokens } from '../../src/theme/runtime/base-tokens.js';
import {
  backgroundImageProperty,
  themeTokenNames,
  themeTokens,
  tokenProperty,
} from '../../src/theme/theme-tokens.js';
import { rawList, rawText } from '../support/raw-files.js';

/** `--gate-x: value` declarations in the base theme's CSS, by property. */
function declaredTokens(): Map<string, string> {
  const declarations = baseTokens.cssText.matchAll(/(--gate-[a-z0-9-]+)\s*:\s*([^;]+);/g);
  return new Map([...declarations].map(([, property, value]) => [property!, value!.trim()]));
}

/** Every `var(--gate-...)` each source file reads, from the files as they are on disk. */
async function tokensRead(): Promise<Map<string, string[]>> {
  const files = (await rawList('src')).filter((path) => path.endsWith('.ts'));
  const readers = new Map<string, string[]>();
  for (const file of files) {
    for (const [, property] of (await rawText(file)).matchAll(/var\(\s*(--gate-[a-z0-9-]+)/g)) {
      readers.set(property!, [...(readers.get(property!) ?? []), file]);
    }
  }
  return readers;
}

describe('theme tokens', () => {
  it('every token a style reads is declared in the base theme', async () => {
    const declared = declaredTokens();
    const undeclared = [...(await tokensRead())].filter(([property]) => !declared.has(property));
    expect(Object.fromEntries(undeclared)).to.deep.equal({});
  });

  it('every token the base theme declares is read by some style', async () => {
    const read = await tokensRead();
    expect([...declaredTokens().keys()].filter((property) => !read.has(property))).to.deep.equal(
      [],
    );
  });

  it('theme packs set exactly the declared tokens, one custom property each', () => {
    const fromPacks = [...themeTokenNames.map(tokenProperty), backgroundImageProperty];
    expect([...declaredTokens().keys()]).to.have.members(fromPacks);
  });

  it('the default pack holds the base theme’s values', async () => {
    const { tokens } = JSON.parse(await rawText('themes/default/theme.json')) as {
      tokens: Record<string, string>;
    };
    const declared = declaredTokens();
    for (const name of themeTokenNames) {
      const inCss = declared.get(tokenProperty(name))!;
      const inPack = tokens[name]!;
      if (themeTokens[name].kind === 'color') {
        expect(toHex(parseColor(inPack)!), name).to.equal(toHex(parseColor(inCss)!));
      } else {
        expect(inPack, name).to.equal(inCss);
      }
    }
    expect(declared.get(backgroundImageProperty)).to.equal('none');
  });
});
