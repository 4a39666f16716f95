/**
 * The providers are built with the published signing keys, and built again when that set
 * changes: another instance may have rotated a key, and every instance must then publish and
 * sign with the same set (docs/security.md#rule-31).
 */
import type Provider from 'oidc-provider';
import type { JWK } from 'oidc-provider';
import type { Clock } from '../clock.js';
import type { Database } from '../database/database.js';
import { errorFields, type Logger } from '../log.js';
import { publishedSigningKeys } from './signing-keys.js';

export interface CurrentProviders {
  /** The provider of `{tenant}/{policy}`, built with the keys published now. */
  get(key: string): Provider | undefined;
  close(): void;
}

export async function keepProvidersCurrent(options: {
  db: Database;
  clock: Clock;
  log: Logger;
  build: (keys: JWK[]) => Map<string, Provider>;
  /** How often the published keys are compared with the database. */
  intervalMs: number;
}): Promise<CurrentProviders> {
  const { db, clock, log, build } = options;
  let keyIds = '';
  let providers = new Map<string, Provider>();
  const refresh = async () => {
    const keys = await publishedSigningKeys(db, new Date(clock.now()));
    const ids = keys.map((key) => key.kid).join(' ');
    if (ids === keyIds) return;
    providers = build(keys);
    keyIds = ids;
  };
  await refresh();
  const timer = setInterval(
    () =>
      void refresh().catch((error: unknown) => log.warn('keys_refresh_failed', errorFields(error))),
    options.intervalMs,
  ).unref();
  return { get: (key) => providers.get(key), close: () => clearInterval(timer) };
}
