import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  currentParams,
  hashPassword,
  needsRehash,
  verifyPassword,
} from '../../../src/server/security/password-hash.js';

describe('server/security/password-hash', () => {
  it('uses scrypt N=2^17, r=8, p=1 with a random salt, and stores the parameters (rule 4)', async () => {
    const started = performance.now();
    const first = await hashPassword('correct horse battery staple');
    const elapsed = performance.now() - started;
    console.log(`scrypt N=2^17 r=8 p=1: ${elapsed.toFixed(0)} ms per hash`);
    const second = await hashPassword('correct horse battery staple');
    assert.deepEqual(first.params, { algorithm: 'scrypt', N: 131_072, r: 8, p: 1, keyLength: 32 });
    assert.equal(Buffer.from(first.salt, 'base64').length, 16);
    assert.notEqual(first.salt, second.salt);
    assert.notEqual(first.hash, second.hash);
    assert.equal(await verifyPassword('correct horse battery staple', first), true);
    assert.equal(await verifyPassword('correct horse battery stapl', first), false);
  });

  it('treats NFKC-equal passwords as the same password', async () => {
    const stored = await hashPassword('ﬀ café');
    assert.equal(await verifyPassword('ff cafe\u0301', stored), true);
  });

  it('verifies hashes made with older parameters and asks for an upgrade', async () => {
    const old = await hashPassword('an older stored password', { ...currentParams, N: 2 ** 14 });
    assert.equal(await verifyPassword('an older stored password', old), true);
    assert.equal(needsRehash(old.params), true);
    assert.equal(needsRehash(currentParams), false);
  });
});
