/**
 * Server secrets: from the environment when set (several instances must share them), else a
 * random key created once in DATA_DIR, readable by the owner only.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const minBytes = 32;

function decodeKey(value: string, name: string): Buffer {
  const key = /^[0-9a-f]+$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length < minBytes) {
    throw new Error(`${name} must hold at least ${minBytes} random bytes (hex or base64)`);
  }
  return key;
}

/** The secret in `envValue`, else the one in `DATA_DIR/<file>`, created if missing. */
export async function loadSecret(
  dataDir: string,
  file: string,
  envName: string,
  envValue: string | undefined,
): Promise<Buffer> {
  if (envValue) return decodeKey(envValue, envName);
  const path = join(dataDir, file);
  await mkdir(dataDir, { recursive: true });
  // Written whole beside it, then linked into place: an instance starting at the same moment
  // finds either no file or the complete one, never one still being written.
  const draft = `${path}.${process.pid}.${randomBytes(6).toString('hex')}`;
  await writeFile(draft, randomBytes(minBytes).toString('hex'), { mode: 0o600 });
  try {
    await link(draft, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(draft, { force: true });
  }
  return decodeKey((await readFile(path, 'utf8')).trim(), path);
}
