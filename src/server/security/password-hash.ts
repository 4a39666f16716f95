/**
 * Password storage (docs/security.md#rule-4): scrypt N=2^17, r=8, p=1 with a random salt per
 * password. The parameters are stored beside the hash, so that they can be raised later and old
 * hashes still verify (and are upgraded at the next sign-in).
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import * as z from 'zod';

export const scryptParamsSchema = z.strictObject({
  algorithm: z.literal('scrypt'),
  N: z
    .int()
    .min(2 ** 14)
    .max(2 ** 22),
  r: z.int().min(1).max(32),
  p: z.int().min(1).max(16),
  keyLength: z.int().min(16).max(64),
});
export type ScryptParams = z.infer<typeof scryptParamsSchema>;

export const currentParams: ScryptParams = {
  algorithm: 'scrypt',
  N: 2 ** 17,
  r: 8,
  p: 1,
  keyLength: 32,
};

export interface PasswordHash {
  hash: string;
  salt: string;
  params: ScryptParams;
}

/**
 * One scrypt run takes 128 MiB and most of a core for a third of a second or more (timings in
 * docs/performance.md#the-servers-rate). At most two run at once, so that sign-in bursts neither
 * exhaust memory nor take every libuv thread from file and DNS work.
 */
const maxConcurrentRuns = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function withRunSlot<T>(run: () => Promise<T>): Promise<T> {
  if (running >= maxConcurrentRuns) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await run();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    // scrypt needs 128 * N * r bytes; Node's default ceiling (32 MiB) is below that.
    maxmem: 2 * 128 * params.N * params.r,
  };
  return withRunSlot(
    () =>
      new Promise((resolve, reject) =>
        scrypt(password.normalize('NFKC'), salt, params.keyLength, options, (error, key) =>
          error ? reject(error) : resolve(key),
        ),
      ),
  );
}

export async function hashPassword(
  password: string,
  params: ScryptParams = currentParams,
): Promise<PasswordHash> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return { hash: key.toString('base64'), salt: salt.toString('base64'), params };
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const key = await derive(password, Buffer.from(stored.salt, 'base64'), stored.params);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Hashes made with weaker parameters than today's are replaced at the next successful sign-in. */
export function needsRehash(params: ScryptParams): boolean {
  return (
    params.N < currentParams.N ||
    params.r < currentParams.r ||
    params.p < currentParams.p ||
    params.keyLength < currentParams.keyLength
  );
}

/**
 * The server's hash as one string, in the PHC string format (`$scrypt$ln=17,r=8,p=1$salt$hash`,
 * base64 without padding), the form an import file carries. The key length is the hash's.
 */
export function formatPasswordHash(stored: PasswordHash): string {
  const b64 = (value: string) => value.replace(/=+$/, '');
  const { N, r, p } = stored.params;
  return `$scrypt$ln=${Math.log2(N)},r=${r},p=${p}$${b64(stored.salt)}$${b64(stored.hash)}`;
}

const phcPattern =
  /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{22,88})\$([A-Za-z0-9+/]{22,88})$/;

/** Reads formatPasswordHash's string; undefined when it is not one with parameters this server accepts. */
export function parsePasswordHash(text: string): PasswordHash | undefined {
  const match = phcPattern.exec(text);
  if (!match) return undefined;
  const [, ln, r, p, salt, hash] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const key = Buffer.from(hash, 'base64');
  const params = scryptParamsSchema.safeParse({
    algorithm: 'scrypt',
    N: 2 ** Number(ln),
    r: Number(r),
    p: Number(p),
    keyLength: key.length,
  });
  if (!params.success || Buffer.from(salt, 'base64').length < 8) return undefined;
  return {
    hash: key.toString('base64'),
    salt: Buffer.from(salt, 'base64').toString('base64'),
    params: params.data,
  };
}
