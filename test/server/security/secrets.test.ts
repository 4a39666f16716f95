import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadSecret } from '../../../src/server/security/secrets.js';
import { emptyDir, removeDir } from '../support/data-dir.js';

describe('server/security/secrets', () => {
  const dir = emptyDir('gatehouse-secrets-');
  after(() => removeDir(dir));

  it('makes one key when many starts ask at once, and every start reads it whole', async () => {
    const keys = await Promise.all(
      Array.from({ length: 20 }, () => loadSecret(dir, 'race.key', 'RACE_KEY', undefined)),
    );
    assert.equal(new Set(keys.map((key) => key.toString('hex'))).size, 1);
    assert.equal(keys[0]!.length, 32);
    assert.deepEqual(readdirSync(dir), ['race.key']);
    assert.equal(statSync(join(dir, 'race.key')).mode & 0o777, 0o600);
  });

  it('takes the environment’s value first, and refuses a short one', async () => {
    const hex = 'ab'.repeat(32);
    assert.equal((await loadSecret(dir, 'env.key', 'ENV_KEY', hex)).toString('hex'), hex);
    await assert.rejects(
      loadSecret(dir, 'env.key', 'ENV_KEY', 'abcd'),
      /ENV_KEY must hold at least 32/,
    );
  });
});
