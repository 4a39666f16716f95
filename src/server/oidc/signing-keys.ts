/**
 * The ID tokens' signing keys live in the database (never in the repository or on one machine's
 * disk), so that every instance signs and publishes the same set. The newest active key signs;
 * a rotated key stays published for a grace period, so that tokens it signed still verify
 * (docs/security.md#rule-31).
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { JWK } from 'oidc-provider';
import type { Database, Queryable } from '../database/database.js';

/** Ours: how long a rotated key stays published. */
export const signingKeyGraceMs = 24 * 60 * 60_000;

export interface SigningKeyInfo {
  kid: string;
  createdAt: Date;
  /** When it stopped signing; published until `retiredAt` + the grace period. */
  retiredAt: Date | null;
}

interface KeyRow {
  kid: string;
  private_jwk: JWK;
  created_at: Date;
  retired_at: Date | null;
}

/** RS256, for the widest support among relying parties. */
function newSigningKey(): JWK {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    ...(privateKey.export({ format: 'jwk' }) as JWK),
    kid: randomUUID(),
    alg: 'RS256',
    use: 'sig',
  };
}

/** Instances starting together must not each make a first key. */
async function lockKeys(tx: Queryable) {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('gatehouse-signing-keys'))`);
}

async function insertKey(tx: Queryable, now: Date): Promise<string> {
  const jwk = newSigningKey();
  await tx.query('INSERT INTO signing_keys (kid, private_jwk, created_at) VALUES ($1, $2, $3)', [
    jwk.kid,
    JSON.stringify(jwk),
    now,
  ]);
  return jwk.kid!;
}

/** Makes the first key, unless there is an active one. */
export async function ensureSigningKey(db: Database, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await lockKeys(tx);
    const active = await tx.query('SELECT 1 FROM signing_keys WHERE retired_at IS NULL');
    if (active.length === 0) await insertKey(tx, now);
  });
}

/** A new key signs from now on; the ones before it are retired and stay published for the grace period. */
export async function rotateSigningKey(db: Database, now: Date): Promise<string> {
  return db.transaction(async (tx) => {
    await lockKeys(tx);
    await tx.query('UPDATE signing_keys SET retired_at = $1 WHERE retired_at IS NULL', [now]);
    return insertKey(tx, now);
  });
}

/** The private keys to publish (and sign with, the first), newest first. */
export async function publishedSigningKeys(db: Queryable, now: Date): Promise<JWK[]> {
  const rows = await db.query<KeyRow>(
    `SELECT kid, private_jwk, created_at, retired_at FROM signing_keys
     WHERE retired_at IS NULL OR retired_at > $1
     ORDER BY retired_at IS NULL DESC, created_at DESC`,
    [new Date(now.getTime() - signingKeyGraceMs)],
  );
  return rows.map((row) => row.private_jwk);
}

export async function listSigningKeys(db: Queryable): Promise<SigningKeyInfo[]> {
  const rows = await db.query<KeyRow>(
    'SELECT kid, created_at, retired_at FROM signing_keys ORDER BY created_at DESC',
  );
  return rows.map((row) => ({
    kid: row.kid,
    createdAt: row.created_at,
    retiredAt: row.retired_at,
  }));
}

/** Retired keys past their grace period are deleted. */
export async function pruneSigningKeys(db: Queryable, now: Date): Promise<void> {
  await db.query('DELETE FROM signing_keys WHERE retired_at < $1', [
    new Date(now.getTime() - signingKeyGraceMs),
  ]);
}
