/**
 * `together`: several writes as one statement on the embedded database, reached through pg and
 * its prepared statements, which must commit all of them or none; and the pool of one connection
 * that a failed statement must not break.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openEmbeddedDatabase } from '../../../src/server/database/embedded-database.js';
import { run, together, type Database } from '../../../src/server/database/database.js';
import { freshDataDir, removeDir } from '../support/data-dir.js';

const insert = (table: string, value: string) => ({
  sql: `INSERT INTO ${table} (value) VALUES ($1)`,
  params: [value],
});

describe('database: writes together', () => {
  let dataDir: string;
  let db: Database;
  const values = async (table: string) =>
    (await db.query<{ value: string }>(`SELECT value FROM ${table} ORDER BY value`)).map(
      (row) => row.value,
    );

  before(async () => {
    dataDir = await freshDataDir();
    db = await openEmbeddedDatabase(join(dataDir, 'pglite'));
    await db.query('CREATE TABLE left_side (value text NOT NULL UNIQUE)');
    await db.query('CREATE TABLE right_side (value text NOT NULL)');
  });

  after(async () => {
    await db.close();
    removeDir(dataDir);
  });

  it('numbers each part’s parameters after the previous ones and returns the last part’s rows', async () => {
    const statement = together(insert('left_side', 'a'), insert('right_side', 'b'), {
      sql: 'UPDATE right_side SET value = $2 WHERE value = $1 RETURNING value',
      params: ['missing', 'unused'],
    });
    assert.match(
      statement.sql,
      /^WITH part0 AS \(INSERT INTO left_side \(value\) VALUES \(\$1\)\)/,
    );
    assert.match(statement.sql, /part1 AS \(INSERT INTO right_side \(value\) VALUES \(\$2\)\)/);
    assert.match(statement.sql, /UPDATE right_side SET value = \$4 WHERE value = \$3/);
    assert.deepEqual(statement.params, ['a', 'b', 'missing', 'unused']);
    assert.deepEqual(await run(db, statement), []);
    assert.deepEqual(await values('left_side'), ['a']);
    assert.deepEqual(await values('right_side'), ['b']);
  });

  it('commits none of the parts when one fails', async () => {
    // "a" is already there: the unique key refuses the first part, so the second is not kept.
    await assert.rejects(
      run(db, together(insert('left_side', 'a'), insert('right_side', 'c'))),
      /duplicate key/,
    );
    assert.deepEqual(await values('right_side'), ['b']);
  });

  it('runs the same text again as the same prepared statement', async () => {
    for (const value of ['d', 'e', 'f']) {
      await run(db, together(insert('left_side', value), insert('right_side', value)));
    }
    assert.deepEqual(await values('right_side'), ['b', 'd', 'e', 'f']);
  });

  it('keeps its one connection usable after a statement fails, in and out of transactions', async () => {
    await assert.rejects(db.query('INSERT INTO left_side (value) VALUES ($1)', ['a']), /duplicate/);
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO right_side (value) VALUES ($1)', ['rolled back']);
        await tx.query('INSERT INTO left_side (value) VALUES ($1)', ['a']);
      }),
      /duplicate/,
    );
    assert.deepEqual(await values('right_side'), ['b', 'd', 'e', 'f']);
    assert.deepEqual(await db.query('SELECT $1::int + 1 AS sum', [1]), [{ sum: 2 }]);
  });

  it('refuses a read before the last part, which PostgreSQL would skip', () => {
    assert.throws(
      () => together({ sql: 'SELECT 1', params: [] }, insert('left_side', 'g')),
      /Only writes can run together/,
    );
  });
});
