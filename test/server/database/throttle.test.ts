/**
 * Throttle windows (src/server/store/throttle.ts) on the embedded database, without a server: the
 * sliding window's count, when a refused place frees, giving a place back, and pruning. Small and
 * fast, so that mutation testing (`npm run test:mutation`) can run it for every mutant.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openEmbeddedDatabase } from '../../../src/server/database/embedded-database.js';
import { run, type Database } from '../../../src/server/database/database.js';
import { migrate } from '../../../src/server/database/migrations.js';
import {
  addressKey,
  placeReturn,
  pruneThrottleWindows,
  takePlace,
} from '../../../src/server/store/throttle.js';
import { freshDataDir, removeDir } from '../support/data-dir.js';

const minute = 60_000;
const window = { ms: 10 * minute, limit: 3 };
const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1) + minutes * minute);

describe('store: throttle windows', () => {
  let dataDir: string;
  let db: Database;
  const take = (key: string, minutes: number, kind: 'ip-failure' | 'code-send' = 'ip-failure') =>
    takePlace(db, kind, key, at(minutes), window);

  before(async () => {
    dataDir = await freshDataDir();
    db = await openEmbeddedDatabase(join(dataDir, 'pglite'));
    await migrate(db);
  });

  after(async () => {
    await db?.close();
    removeDir(dataDir);
  });

  it('gives as many places as the window holds, then says when the oldest frees', async () => {
    assert.deepEqual(await take('a', 0), { taken: true });
    assert.deepEqual(await take('a', 2), { taken: true });
    assert.deepEqual(await take('a', 4), { taken: true });
    assert.deepEqual(await take('a', 5), { taken: false, freesAt: at(10) });
    // A refusal takes no place: the window still frees when the first place leaves it.
    assert.deepEqual(await take('a', 9), { taken: false, freesAt: at(10) });
    // Sliding: at minute 10 the place of minute 0 has left the window, the others have not.
    assert.deepEqual(await take('a', 10), { taken: true });
    assert.deepEqual(await take('a', 11), { taken: false, freesAt: at(12) });
  });

  it('keeps each kind and key apart', async () => {
    for (let index = 0; index < 3; index += 1) assert.equal((await take('b', index)).taken, true);
    assert.equal((await take('b', 3)).taken, false);
    assert.equal((await take('b', 3, 'code-send')).taken, true);
    assert.equal((await take('c', 3)).taken, true);
    assert.equal(addressKey('contoso', 'ada@contoso.example'), 'contoso\nada@contoso.example');
  });

  it('gives back exactly the place taken at a time, and nothing for a time it never took', async () => {
    for (const minutes of [0, 1, 2]) await take('d', minutes);
    await run(db, placeReturn('ip-failure', 'd', at(1)));
    // One place free again; the other two still count.
    assert.deepEqual(await take('d', 3), { taken: true });
    assert.deepEqual(await take('d', 4), { taken: false, freesAt: at(10) });
    await run(db, placeReturn('ip-failure', 'd', at(7)));
    await run(db, placeReturn('code-send', 'd', at(0)));
    assert.equal((await take('d', 5)).taken, false);
    const [row] = await db.query<{ stamps: Date[] }>(
      `SELECT stamps FROM throttle_windows WHERE kind = 'ip-failure' AND key = 'd'`,
    );
    assert.deepEqual(row!.stamps, [at(0), at(2), at(3)]);
  });

  it('prunes the keys with nothing newer than the cut, and only those', async () => {
    await take('old', 0);
    await take('old', 1);
    await take('new', 20);
    await pruneThrottleWindows(db, at(1));
    const keys = async () =>
      (await db.query<{ key: string }>(`SELECT key FROM throttle_windows ORDER BY key`)).map(
        (row) => row.key,
      );
    assert.ok((await keys()).includes('old'), 'a key with a stamp at the cut is kept');
    await pruneThrottleWindows(db, new Date(at(1).getTime() + 1));
    assert.ok(!(await keys()).includes('old'));
    assert.ok((await keys()).includes('new'));
  });
});
