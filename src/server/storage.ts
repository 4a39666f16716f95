/**
 * Opens the configured database and brings its schema up to date: PostgreSQL when DATABASE_URL
 * is set, else the embedded one in DATA_DIR/pglite, locked to this process while it is open.
 */
import { join } from 'node:path';
import type { ServerConfig } from './config.js';
import type { Database } from './database/database.js';
import { lockDataDir } from './database/data-dir-lock.js';
import { openEmbeddedDatabase } from './database/embedded-database.js';
import { migrate } from './database/migrations.js';
import { openPostgresDatabase } from './database/postgres-database.js';
import type { Logger } from './log.js';

export interface Storage {
  database: Database;
  close(): Promise<void>;
}

/** The embedded database is held by another live process (a server, or the admin CLI). */
export class DataDirBusyError extends Error {
  override readonly name = 'DataDirBusyError';
  constructor(
    readonly dataDir: string,
    readonly holder: number,
    readonly role: string,
  ) {
    super(`The embedded database in ${dataDir} is in use by process ${holder} (${role})`);
  }
}

export async function openStorage(
  config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>,
  role: 'server' | 'admin-cli',
  log: Logger,
): Promise<Storage> {
  if (config.databaseUrl) {
    const database = await openPostgresDatabase(config.databaseUrl, log);
    try {
      await migrate(database);
    } catch (error) {
      await database.close();
      throw error;
    }
    return { database, close: () => database.close() };
  }
  const attempt = await lockDataDir(config.dataDir, role);
  if (!attempt.ok) throw new DataDirBusyError(config.dataDir, attempt.holder, attempt.role);
  try {
    const database = await openEmbeddedDatabase(join(config.dataDir, 'pglite'));
    try {
      await migrate(database);
    } catch (error) {
      await database.close();
      throw error;
    }
    return {
      database,
      close: async () => {
        await database.close();
        await attempt.lock.release();
      },
    };
  } catch (error) {
    await attempt.lock.release();
    throw error;
  }
}
