/**
 * Opening the embedded database: a new one is made by a process of its own and moved into place
 * whole, and a killed start's leftovers are removed; a directory that holds files but no database
 * is named, not overwritten.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openEmbeddedDatabase } from '../../../src/server/database/embedded-database.js';
import { freshDataDir, removeDir } from '../support/data-dir.js';

describe('database: embedded', () => {
  let dataDir: string;
  /** Half-made databases beside the ones asked for. */
  const leftovers = async () =>
    (await readdir(dataDir)).filter((name) => name.includes('.making-'));

  before(async () => {
    dataDir = await freshDataDir();
  });

  after(() => removeDir(dataDir));

  it('makes a new database, keeps what is written, and leaves nothing beside it', async () => {
    const directory = join(dataDir, 'made');
    // What a start killed while making the database left behind.
    await mkdir(`${directory}.making-4242`);
    await writeFile(join(`${directory}.making-4242`, 'PG_VERSION'), '17');
    const first = await openEmbeddedDatabase(directory);
    await first.query('CREATE TABLE kept (value text)');
    await first.query('INSERT INTO kept VALUES ($1)', ['still here']);
    await first.close();

    const second = await openEmbeddedDatabase(directory);
    assert.deepEqual(await second.query('SELECT value FROM kept'), [{ value: 'still here' }]);
    await second.close();
    assert.deepEqual(await leftovers(), []);
  });

  it('refuses a directory that holds files but no database, and leaves the files', async () => {
    const directory = join(dataDir, 'stray');
    await mkdir(directory);
    await writeFile(join(directory, 'notes.txt'), 'mine');
    await assert.rejects(openEmbeddedDatabase(directory), {
      message: `${directory} holds files but no database (no PG_VERSION): move it away`,
    });
    assert.ok(existsSync(join(directory, 'notes.txt')));
    assert.deepEqual(await leftovers(), []);
  });
});
