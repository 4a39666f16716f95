/**
 * Fresh data directories without paying PGlite's ~12 s initdb each time: one empty database is
 * created per PGlite version and machine, then copied (a copy opens in about a second).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { makeEmbeddedDatabase } from '../../../src/server/database/embedded-database.js';

const require = createRequire(import.meta.url);
const version = (
  JSON.parse(
    readFileSync(
      join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json'),
      'utf8',
    ),
  ) as {
    version: string;
  }
).version;
const template = join(tmpdir(), `gatehouse-pglite-template-${version}`);

async function ensureTemplate(): Promise<void> {
  if (existsSync(template)) return;
  const building = mkdtempSync(`${template}-building-`);
  await makeEmbeddedDatabase(join(building, 'pglite'));
  try {
    // Atomic: a parallel test file either sees no template or a complete one.
    renameSync(building, template);
  } catch {
    rmSync(building, { recursive: true, force: true });
  }
}

/** A new DATA_DIR holding an empty embedded database; remove it with `rmSync` when done. */
export async function freshDataDir(): Promise<string> {
  await ensureTemplate();
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-test-'));
  cpSync(template, dir, { recursive: true });
  return dir;
}

/** A new, empty directory (no database yet). */
export function emptyDir(prefix = 'gatehouse-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
