/**
 * PGlite opens its data directory without locking it, and two processes writing to one directory
 * corrupt it. This lock file names the process that holds the directory, so that a second server
 * refuses to start and the admin CLI knows to go through the running server instead.
 */
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

export interface DataDirLock {
  release(): Promise<void>;
}

export type LockAttempt =
  { ok: true; lock: DataDirLock } | { ok: false; holder: number; role: string };

const lockFile = (dataDir: string) => join(dataDir, 'pglite.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(path: string): Promise<{ pid: number; role: string } | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as { pid?: unknown; role?: unknown };
    return typeof parsed.pid === 'number'
      ? { pid: parsed.pid, role: typeof parsed.role === 'string' ? parsed.role : 'unknown' }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the lock for this process, or says which live process has it; a dead holder's lock is taken over. */
export async function lockDataDir(
  dataDir: string,
  role: 'server' | 'admin-cli',
): Promise<LockAttempt> {
  await mkdir(dataDir, { recursive: true });
  const path = lockFile(dataDir);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const handle = await open(path, 'wx', 0o600);
      await handle.writeFile(JSON.stringify({ pid: process.pid, role }));
      await handle.close();
      return { ok: true, lock: { release: () => rm(path, { force: true }) } };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readHolder(path);
    if (holder && alive(holder.pid)) {
      return { ok: false, holder: holder.pid, role: holder.role };
    }
    await rm(path, { force: true });
  }
  throw new Error(`Could not lock ${dataDir}: ${path} keeps reappearing`);
}
