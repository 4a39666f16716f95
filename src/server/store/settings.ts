/** Facts about this database that outlive a process, such as "the demo users were created". */
import type { Queryable } from '../database/database.js';

export async function readSetting(db: Queryable, key: string): Promise<string | undefined> {
  const rows = await db.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [
    key,
  ]);
  return rows[0]?.value;
}

/** Sets `key` unless it is set; returns whether this call set it. */
export async function claimSetting(db: Queryable, key: string, value: string): Promise<boolean> {
  const rows = await db.query(
    'INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key',
    [key, value],
  );
  return rows.length > 0;
}
