import { expect } from '@open-wc/testing';
import { lengthProblems, passwordLength } from '../../src/rules/password-rules.js';

/** [what, password, code points after NFKC] */
const lengths = [
  ['empty', '', 0],
  ['ASCII', 'abc', 3],
  ['spaces count', '  a  ', 5],
  ['an emoji outside the BMP is one', '😀', 1],
  ['emoji are one each', '🔑🔑🔑', 3],
  ['a flag is two regional indicators', '🇳🇱', 2],
  ['a ZWJ family counts its parts', '👩‍👩‍👧', 5],
  ['e + combining acute is composed to é', 'e\u0301', 1],
  ['precomposed é', '\u00e9', 1],
  ['Hangul jamo compose to one syllable', '\u1100\u1161\u11a8', 1],
  ['full-width letters are one each', 'ＡＢＣ', 3],
  ['full-width digits are one each', '１２３', 3],
  ['the fi ligature expands to two', '\ufb01', 2],
  ['superscript two becomes 2', 'x\u00b2', 2],
  ['a CJK ideograph', '漢字', 2],
  ['the ohm sign becomes omega', '\u2126', 1],
] as const;

/** [what, password, minLength, problems] */
const boundaries = [
  ['7 below a minimum of 8', 'a'.repeat(7), 8, ['too_short']],
  ['8 at a minimum of 8', 'a'.repeat(8), 8, []],
  ['14 below a minimum of 15', 'a'.repeat(14), 15, ['too_short']],
  ['15 at a minimum of 15', 'a'.repeat(15), 15, []],
  ['8 below a minimum of 15', 'a'.repeat(8), 15, ['too_short']],
  ['128 at the maximum', 'a'.repeat(128), 15, []],
  ['128 at the maximum with a minimum of 8', 'a'.repeat(128), 8, []],
  ['129 over the maximum', 'a'.repeat(129), 15, ['too_long']],
  ['129 over the maximum with a minimum of 8', 'a'.repeat(129), 8, ['too_long']],
  ['a megabyte', 'a'.repeat(1 << 20), 15, ['too_long']],
  ['empty', '', 8, ['too_short']],
  ['15 emoji (30 UTF-16 units) reach 15', '😀'.repeat(15), 15, []],
  ['14 emoji (28 UTF-16 units) stay short', '😀'.repeat(14), 15, ['too_short']],
  ['128 emoji (256 UTF-16 units) fit', '😀'.repeat(128), 15, []],
  ['129 emoji are too long', '😀'.repeat(129), 15, ['too_long']],
  ['14 decomposed é (28 units) stay short', 'e\u0301'.repeat(14), 15, ['too_short']],
  ['15 decomposed é reach 15', 'e\u0301'.repeat(15), 15, []],
  ['128 decomposed é fit', 'e\u0301'.repeat(128), 15, []],
  ['15 full-width letters reach 15', 'Ａ'.repeat(15), 15, []],
  ['7 fi ligatures expand to 14', '\ufb01'.repeat(7), 15, ['too_short']],
  ['8 fi ligatures expand to 16', '\ufb01'.repeat(8), 15, []],
  ['65 fi ligatures expand to 130', '\ufb01'.repeat(65), 15, ['too_long']],
  ['15 spaces are a password of 15', ' '.repeat(15), 15, []],
] as const;

describe('rules/password-rules', () => {
  for (const [what, password, expected] of lengths) {
    it(`counts ${JSON.stringify(password)} as ${expected}: ${what}`, () => {
      expect(passwordLength(password)).to.equal(expected);
    });
  }

  it('counts a password and its NFC, NFD and NFKD forms alike', () => {
    const password = 'Ångström café ﬁx ２';
    const forms = (['NFC', 'NFD', 'NFKC', 'NFKD'] as const).map((form) =>
      passwordLength(password.normalize(form)),
    );
    expect(new Set(forms).size).to.equal(1);
  });

  for (const [what, password, minLength, problems] of boundaries) {
    it(`${what} -> ${problems.length ? problems.join() : 'accepted'}`, () => {
      expect(lengthProblems(password, { minLength, maxLength: 128 })).to.deep.equal(problems);
    });
  }
});
