import assert from 'node:assert/strict';
import crypto, { randomBytes } from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';
import { describe, it, mock } from 'node:test';
import { codeHash, codeMatches, newCode } from '../../../src/server/security/verification-code.js';

const key = randomBytes(32);
const allCodes = Array.from({ length: 200_000 }, (_, n) => String(n).padStart(6, '0'));

/** The MAC's bytes for `code` in `flowId`. */
const mac = (flowId: string, code: string) => Buffer.from(codeHash(key, flowId, code), 'base64');

/** How many leading bits two MACs share. */
function sharedBits(a: Buffer, b: Buffer): number {
  for (let bit = 0; bit < a.length * 8; bit += 1) {
    const mask = 0x80 >> (bit % 8);
    if ((a[bit >> 3]! & mask) !== (b[bit >> 3]! & mask)) return bit;
  }
  return a.length * 8;
}

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
    assert.equal(Buffer.from(stored, 'base64').length, 32, 'a whole HMAC-SHA256');
    assert.doesNotMatch(stored, /123456/);
    assert.equal(codeMatches(key, 'flow-a', '123456', stored), true);
    assert.equal(codeMatches(key, 'flow-b', '123456', stored), false);
    assert.equal(codeMatches(key, 'flow-a', '123457', stored), false);
    assert.equal(codeMatches(randomBytes(32), 'flow-a', '123456', stored), false);
  });

  it('never matches a flow that has no code', () => {
    assert.equal(codeMatches(key, 'flow-a', '000000', null), false);
    // Not even the code whose MAC is all zeros, which the missing code is compared against.
    for (const code of allCodes.slice(0, 1000)) {
      assert.equal(codeMatches(key, 'flow-a', code, null), false);
    }
  });

  it('accepts only the right code, also among wrong codes whose MAC shares its first 12+ bits', () => {
    const right = '102917';
    const stored = codeHash(key, 'flow-p', right);
    const expected = mac('flow-p', right);
    const codes = allCodes;
    const wrong = codes.filter((code) => code !== right);
    // About one wrong code in 4,096 shares the MAC's first 12 bits: a comparison of a prefix
    // (12 bits, say) would let each of them in.
    const close = wrong.filter((code) => sharedBits(mac('flow-p', code), expected) >= 12);
    assert.ok(close.length >= 20, `${close.length} codes share 12 bits`);
    for (const code of close) assert.equal(codeMatches(key, 'flow-p', code, stored), false, code);
    const sample = wrong.filter((_, index) => index % 10 === 0);
    assert.deepEqual(
      sample.filter((code) => codeMatches(key, 'flow-p', code, stored)),
      [],
    );
    assert.equal(codeMatches(key, 'flow-p', right, stored), true);
  });

  it('compares against the whole stored MAC: a MAC differing in any byte, or cut short, fails', () => {
    const stored = Buffer.from(codeHash(key, 'flow-q', '555000'), 'base64');
    for (let byte = 0; byte < stored.length; byte += 1) {
      const changed = Buffer.from(stored);
      changed[byte]! ^= 0x01;
      assert.equal(
        codeMatches(key, 'flow-q', '555000', changed.toString('base64')),
        false,
        `${byte}`,
      );
    }
    for (const length of [0, 2, 16, 31]) {
      const cut = stored.subarray(0, length).toString('base64');
      assert.equal(codeMatches(key, 'flow-q', '555000', cut), false, `${length} bytes`);
    }
    assert.equal(codeMatches(key, 'flow-q', '555000', ''), false);
  });

  it('never matches a flow without a code, even if the comparison said equal', () => {
    const spy = mock.method(crypto, 'timingSafeEqual', () => true);
    syncBuiltinESMExports();
    try {
      assert.equal(codeMatches(key, 'flow-s', '123456', null), false);
      assert.equal(spy.mock.callCount(), 1);
    } finally {
      spy.mock.restore();
      syncBuiltinESMExports();
    }
  });

  it('compares in constant time: timingSafeEqual on both whole 32-byte MACs, also for no code', () => {
    const spy = mock.method(crypto, 'timingSafeEqual');
    // Named imports of node:crypto follow its exports only once synced.
    syncBuiltinESMExports();
    try {
      const stored = codeHash(key, 'flow-r', '777777');
      assert.equal(codeMatches(key, 'flow-r', '777777', stored), true);
      assert.equal(codeMatches(key, 'flow-r', '777778', stored), false);
      assert.equal(codeMatches(key, 'flow-r', '777777', null), false);
      assert.equal(spy.mock.callCount(), 3);
      for (const call of spy.mock.calls) {
        const [given, expected] = call.arguments as unknown as [Buffer, Buffer];
        assert.deepEqual([given.length, expected.length], [32, 32]);
      }
      assert.deepEqual(spy.mock.calls[0]!.arguments[1], mac('flow-r', '777777'));
    } finally {
      spy.mock.restore();
      syncBuiltinESMExports();
    }
  });
});
