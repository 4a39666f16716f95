/**
 * Server secrets: from the environment when set (several instances must share them), else a
 * random key created once in DATA_DIR, readable by the owner only.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
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
  try {
    await writeFile(path, randomBytes(minBytes).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return decodeKey((await readFile(path, 'utf8')).trim(), path);
}
