/** The server's email normalisation (src/rules/email-address.ts): one account and one counter per address. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseEmail } from '../../../src/rules/email-address.js';

describe('rules/email-address on the server', () => {
  it('folds case, surrounding space and compatibility forms (NFKC) into one address', () => {
    for (const typed of [
      'ada@contoso.example',
      '  ADA@Contoso.Example\t',
      'ＡＤＡ＠ｃｏｎｔｏｓｏ．ｅｘａｍｐｌｅ',
      // An ideographic space, as a Japanese keyboard types it.
      '\u3000ada@contoso.example\u3000',
    ]) {
      assert.equal(normaliseEmail(typed), 'ada@contoso.example', JSON.stringify(typed));
    }
  });

  it('keeps addresses that differ in more than form apart', () => {
    assert.notEqual(normaliseEmail('ada@contoso.example'), normaliseEmail('ada@contoso.example.'));
    assert.equal(normaliseEmail('ADA.LOVELACE@X.EXAMPLE'), 'ada.lovelace@x.example');
  });
});
