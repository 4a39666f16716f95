/**
 * oidc-provider's storage adapter on Gatehouse's own database: sessions, grants, interactions,
 * authorization codes and tokens are rows of `oidc_models`, so that a restart keeps a user's flow
 * and every instance on one PostgreSQL sees the same state. Rows are kept per tenant: two tenants'
 * clients may share an id, never a code or a session.
 */
import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { Queryable } from '../database/database.js';
import type { Clock } from '../clock.js';

interface ModelRow {
  payload: AdapterPayload;
  consumed_at: Date | null;
}

export class DatabaseAdapter implements Adapter {
  constructor(
    private readonly db: Queryable,
    private readonly clock: Clock,
    private readonly tenant: string,
    private readonly model: string,
  ) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    const expiresAt = expiresIn ? new Date(this.clock.now() + expiresIn * 1000) : null;
    await this.db.query(
      `INSERT INTO oidc_models (tenant, model, id, payload, grant_id, uid, account_id, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (tenant, model, id) DO UPDATE SET payload = EXCLUDED.payload,
         grant_id = EXCLUDED.grant_id, uid = EXCLUDED.uid, account_id = EXCLUDED.account_id,
         expires_at = EXCLUDED.expires_at`,
      [
        this.tenant,
        this.model,
        id,
        JSON.stringify(payload),
        payload.grantId ?? null,
        payload.uid ?? null,
        payload.accountId ?? null,
        expiresAt,
      ],
    );
  }

  find(id: string): Promise<AdapterPayload | undefined> {
    return this.#findBy('id', id);
  }

  findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return this.#findBy('uid', uid);
  }

  /** Device codes are not offered. */
  async findByUserCode(): Promise<undefined> {
    return undefined;
  }

  async consume(id: string): Promise<void> {
    await this.db.query(
      `UPDATE oidc_models SET consumed_at = $4 WHERE tenant = $1 AND model = $2 AND id = $3`,
      [this.tenant, this.model, id, new Date(this.clock.now())],
    );
  }

  async destroy(id: string): Promise<void> {
    await this.db.query(`DELETE FROM oidc_models WHERE tenant = $1 AND model = $2 AND id = $3`, [
      this.tenant,
      this.model,
      id,
    ]);
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await this.db.query(
      `DELETE FROM oidc_models WHERE tenant = $1 AND model = $2 AND grant_id = $3`,
      [this.tenant, this.model, grantId],
    );
  }

  async #findBy(column: 'id' | 'uid', value: string): Promise<AdapterPayload | undefined> {
    const rows = await this.db.query<ModelRow>(
      `SELECT payload, consumed_at FROM oidc_models
       WHERE tenant = $1 AND model = $2 AND ${column} = $3
         AND (expires_at IS NULL OR expires_at > $4)`,
      [this.tenant, this.model, value, new Date(this.clock.now())],
    );
    const row = rows[0];
    if (!row) return undefined;
    return row.consumed_at
      ? { ...row.payload, consumed: Math.floor(row.consumed_at.getTime() / 1000) }
      : row.payload;
  }
}

/** Ends grants and every code and token issued under them. */
export async function endGrants(db: Queryable, tenant: string, grantIds: string[]): Promise<void> {
  if (grantIds.length === 0) return;
  await db.query(
    `DELETE FROM oidc_models WHERE tenant = $1
       AND (grant_id = ANY($2) OR (model = 'Grant' AND id = ANY($2)))`,
    [tenant, grantIds],
  );
}

export async function pruneProviderState(db: Queryable, now: Date): Promise<void> {
  await db.query('DELETE FROM oidc_models WHERE expires_at < $1', [now]);
}
