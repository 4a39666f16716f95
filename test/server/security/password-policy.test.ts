import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commonPasswordCount } from '../../../src/server/security/common-passwords.js';
import { newPasswordProblems } from '../../../src/server/security/password-policy.js';

const contoso = { id: 'contoso', displayName: 'Contoso', passwordRules: { minLength: 15 } };
const lenient = { id: 'fabrikam', displayName: 'Fabrikam', passwordRules: { minLength: 8 } };
const email = 'ada.lovelace@example.com';
const problems = (password: string, tenant = contoso) =>
  newPasswordProblems(password, email, tenant);

describe('server/security/password-policy', () => {
  it('ships at least the 10,000 most common passwords, offline', () => {
    assert.ok(commonPasswordCount() >= 10_000, `${commonPasswordCount()} entries`);
  });

  it('counts code points after NFKC against the tenant minimum and 128 (rule 1)', () => {
    const table: [string, typeof lenient | typeof contoso, string[]][] = [
      ['g'.repeat(7), lenient, ['too_short']],
      ['zebra-kite-7', lenient, []],
      ['z'.repeat(14), contoso, ['too_short']],
      ['quiet violet ox', contoso, []],
      ['q'.repeat(128), contoso, []],
      ['q'.repeat(129), contoso, ['too_long']],
      ['q'.repeat(1024 * 1024), contoso, ['too_long']],
      // Seven emoji are seven code points (14 UTF-16 units): still too short for 8.
      ['🦊🦊🦊🦊🦊🦊🦊', lenient, ['too_short']],
      // NFKC turns the ligature ﬀ into "ff": 8 code points.
      ['ﬀyzzyxw', lenient, []],
    ];
    for (const [password, tenant, expected] of table) {
      assert.deepEqual(problems(password, tenant), expected, `${[...password].length} code points`);
    }
  });

  it('has no composition rules: spaces, emoji and any script are fine (rule 2)', () => {
    for (const password of [
      'all lower case words here',
      'ünïcödé pässwörd ok',
      '🦊 fox 🦊 den 🦊 night',
      'пароль для проверки',
    ]) {
      assert.deepEqual(problems(password), [], password);
    }
  });

  it('refuses common passwords, whatever their case, with the reason (rule 3)', () => {
    assert.deepEqual(problems('passwordpassword', lenient), ['common']);
    assert.deepEqual(problems('PassWordPassWord', lenient), ['common']);
    assert.deepEqual(problems('1qaz2wsx3edc4rfv', contoso), ['common']);
  });

  it('refuses the tenant name and the email address or its local part (rule 3)', () => {
    for (const password of [
      'I really like Contoso a lot',
      'my contoso passphrase',
      'ada.lovelace wrote here',
      'ada.lovelace@example.com!!',
    ]) {
      assert.deepEqual(problems(password), ['context'], password);
    }
    // Words shorter than 3 characters are part of too many good passwords to refuse them.
    assert.deepEqual(newPasswordProblems('an ox in the fields', 'ox@example.com', contoso), []);
    assert.deepEqual(newPasswordProblems('the emu in the fields', 'emu@example.com', contoso), [
      'context',
    ]);
  });

  it('folds compatibility forms (NFKC) before the common and context checks (rule 3)', () => {
    // Full-width letters are the same password to NFKC, and to anyone typing on a phone.
    assert.deepEqual(problems('ｐａｓｓｗｏｒｄｐａｓｓｗｏｒｄ', lenient), ['common']);
    assert.deepEqual(problems('Ｑ１Ｗ２Ｅ３Ｒ４Ｔ５', lenient), ['common']);
    assert.deepEqual(problems('my ｃｏｎｔｏｓｏ passphrase'), ['context']);
    // The address's full-width at sign still parts the local part from the domain.
    assert.deepEqual(
      newPasswordProblems('ada.lovelace wrote here', 'ａｄａ.lovelace＠example.com', contoso),
      ['context'],
    );
    const fullWidthName = { ...lenient, id: 'tenant-7', displayName: 'Ｗｉｄｇｅｔｒｏｎ' };
    assert.deepEqual(problems('widgetron forever and ever', fullWidthName), ['context']);
  });
});
