import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { codeHash, codeMatches, newCode } from '../../../src/server/security/verification-code.js';

const key = randomBytes(32);

describe('server/security/verification-code', () => {
  it('makes 6-digit codes with every digit in every position', () => {
    const codes = Array.from({ length: 2_000 }, newCode);
    assert.ok(codes.every((code) => /^\d{6}$/.test(code)));
    for (let position = 0; position < 6; position += 1) {
      assert.equal(new Set(codes.map((code) => code[position])).size, 10, `position ${position}`);
    }
  });

  it('stores a keyed hash bound to the flow, never the code (rules 6 and 11)', () => {
    const stored = codeHash(key, 'flow-a', '123456');
    assert.doesNotMatch(stored, /123456/);
    assert.equal(codeMatches(key, 'flow-a', '123456', stored), true);
    assert.equal(codeMatches(key, 'flow-b', '123456', stored), false);
    assert.equal(codeMatches(key, 'flow-a', '123457', stored), false);
    assert.equal(codeMatches(randomBytes(32), 'flow-a', '123456', stored), false);
  });

  it('never matches a flow that has no code', () => {
    assert.equal(codeMatches(key, 'flow-a', '000000', null), false);
  });
});
