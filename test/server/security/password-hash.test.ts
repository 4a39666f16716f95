import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';
import { describe, it, mock } from 'node:test';
import {
  currentParams,
  formatPasswordHash,
  hashPassword,
  needsRehash,
  parsePasswordHash,
  verifyPassword,
  type ScryptParams,
} from '../../../src/server/security/password-hash.js';

/** The cheapest parameters the schema accepts: for the tests that hash many times. */
const cheap: ScryptParams = { algorithm: 'scrypt', N: 2 ** 14, r: 1, p: 1, keyLength: 16 };

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

  it("asks for an upgrade when any one parameter is below today's, and only then", () => {
    for (const weaker of [{ N: 2 ** 16 }, { r: 7 }, { keyLength: 31 }]) {
      assert.equal(needsRehash({ ...currentParams, ...weaker }), true, JSON.stringify(weaker));
    }
    assert.equal(needsRehash({ ...currentParams, p: 0 }), true);
    assert.equal(needsRehash({ ...currentParams, N: 2 ** 18, r: 16, p: 2, keyLength: 64 }), false);
  });

  it('writes and reads the PHC string form, refusing parameters out of bounds', async () => {
    const stored = await hashPassword('an imported password', cheap);
    const text = formatPasswordHash(stored);
    assert.match(text, /^\$scrypt\$ln=14,r=1,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{22}$/);
    assert.deepEqual(parsePasswordHash(text), stored);
    assert.equal(await verifyPassword('an imported password', parsePasswordHash(text)!), true);
    // A stored hash of another length is wrong, not an error.
    const cut = { ...stored, hash: stored.hash.slice(0, 12) };
    assert.equal(await verifyPassword('an imported password', cut), false);
    const [, , , salt, hash] = text.split('$') as [string, string, string, string, string];
    const phc = (params: string, saltPart = salt, hashPart = hash) =>
      `$scrypt$${params}$${saltPart}$${hashPart}`;
    assert.ok(parsePasswordHash(phc('ln=22,r=32,p=16')));
    for (const refused of [
      phc('ln=13,r=1,p=1'),
      phc('ln=23,r=1,p=1'),
      phc('ln=14,r=0,p=1'),
      phc('ln=14,r=33,p=1'),
      phc('ln=14,r=1,p=0'),
      phc('ln=14,r=1,p=17'),
      phc('ln=14,r=1,p=1', salt, 'A'.repeat(88)),
      `${text}$`,
      `x${text}`,
      text.replace('scrypt', 'argon2id'),
    ]) {
      assert.equal(parsePasswordHash(refused), undefined, refused);
    }
    // 64 bytes of key are the most (88 characters, 66 bytes, are refused above).
    assert.equal(
      parsePasswordHash(phc('ln=14,r=1,p=1', salt, 'A'.repeat(86)))?.params.keyLength,
      64,
    );
  });

  it('runs at most two scrypt derivations at once, and all of them in the end', async () => {
    let running = 0;
    let most = 0;
    const real = crypto.scrypt;
    const spy = mock.method(crypto, 'scrypt', ((...args: Parameters<typeof real>) => {
      running += 1;
      most = Math.max(most, running);
      const done = args[args.length - 1] as (error: Error | null, key: Buffer) => void;
      (real as (...all: unknown[]) => void)(
        ...args.slice(0, -1),
        (error: Error | null, key: Buffer) => {
          running -= 1;
          done(error, key);
        },
      );
    }) as typeof real);
    syncBuiltinESMExports();
    try {
      const hashes = await Promise.all(
        Array.from({ length: 6 }, (_, index) => hashPassword(`password ${index}`, cheap)),
      );
      assert.equal(spy.mock.callCount(), 6);
      assert.equal(most, 2);
      assert.equal(new Set(hashes.map((stored) => stored.hash)).size, 6);
    } finally {
      spy.mock.restore();
      syncBuiltinESMExports();
    }
  });

  it('gives scrypt the memory that N and r need', async () => {
    const spy = mock.method(crypto, 'scrypt');
    syncBuiltinESMExports();
    try {
      await hashPassword('memory', cheap);
      const options = spy.mock.calls[0]!.arguments[3] as crypto.ScryptOptions;
      assert.deepEqual(options, { N: 2 ** 14, r: 1, p: 1, maxmem: 2 * 128 * 2 ** 14 });
    } finally {
      spy.mock.restore();
      syncBuiltinESMExports();
    }
  });
});
