/**
 * Several Gatehouse instances on one real PostgreSQL, as behind a load balancer: one database,
 * one SMTP sink, one DATA_DIR (so the instances share their keys), and a direct connection for
 * tests that look at the stored rows or seed accounts. Instances run in the test process (for an
 * injected clock and limits) or as child processes (for kill -9).
 */
import pg from 'pg';
import type { Limits } from '../../../src/rules/limits.js';
import { hashPassword } from '../../../src/server/security/password-hash.js';
import { emptyDir, removeDir } from './data-dir.js';
import { startTestServer, type TestServer } from './in-process.js';
import { startPostgres, type TestPostgres } from './postgres.js';
import { startServerProcess, type ServerProcess } from './server-process.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';
import { TestClock } from './test-clock.js';

export interface ClusterOptions {
  /** How many in-process instances to start at once (default 2). */
  instances?: number;
  limits?: Partial<Limits>;
  /** Where the instances send mail; default a sink of the cluster's own. */
  smtpUrl?: string;
  mailRetryDelaysMs?: number[];
}

export interface Cluster {
  postgres: TestPostgres;
  /** The cluster's SMTP sink, unless `smtpUrl` pointed elsewhere. */
  sink: SmtpSink | undefined;
  dataDir: string;
  /** One clock for every in-process instance, so that "30 s later" holds on all of them. */
  clock: TestClock;
  servers: TestServer[];
  /** A query straight to the database, outside any instance. */
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** A contoso account with no groups. */
  addUser(email: string, password: string): Promise<void>;
  /** Another instance as `npm run serve` runs it, on the same database and DATA_DIR. */
  startProcess(env?: Record<string, string>): Promise<ServerProcess>;
  close(): Promise<void>;
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const postgres = await startPostgres();
  const sink = options.smtpUrl ? undefined : await startSmtpSink();
  const smtpUrl = options.smtpUrl ?? sink!.url;
  const dataDir = emptyDir();
  const clock = new TestClock();
  const pool = new pg.Pool({ connectionString: postgres.url, max: 2 });
  const processes: ServerProcess[] = [];
  const servers: TestServer[] = [];
  const close = async () => {
    await Promise.all(servers.map((server) => server.close()));
    await Promise.all(processes.map((child) => child.stop()));
    await pool.end();
    await sink?.close();
    await postgres.destroy();
    removeDir(dataDir);
  };
  try {
    // All at once, as a rolling start would: every instance migrates, none trips the others.
    servers.push(
      ...(await Promise.all(
        Array.from({ length: options.instances ?? 2 }, () =>
          startTestServer({
            dataDir,
            smtpUrl,
            databaseUrl: postgres.url,
            clock,
            ...(options.limits ? { limits: options.limits } : {}),
            ...(options.mailRetryDelaysMs ? { mailRetryDelaysMs: options.mailRetryDelaysMs } : {}),
          }),
        ),
      )),
    );
  } catch (error) {
    await close();
    throw error;
  }
  const query = async <Row>(sql: string, params: unknown[] = []) =>
    (await pool.query(sql, params)).rows as Row[];
  return {
    postgres,
    sink,
    dataDir,
    clock,
    servers,
    query,
    async addUser(email, password) {
      const hash = await hashPassword(password);
      await query(
        `INSERT INTO users (id, tenant, email, password_hash, password_salt, password_params,
           email_confirmed_at, password_changed_at, created_at)
         VALUES (gen_random_uuid()::text, 'contoso', $1, $2, $3, $4, now(), now(), now())`,
        [email, hash.hash, hash.salt, JSON.stringify(hash.params)],
      );
    },
    async startProcess(env = {}) {
      const child = await startServerProcess({
        DATABASE_URL: postgres.url,
        DATA_DIR: dataDir,
        SMTP_URL: smtpUrl,
        TRUSTED_PROXIES: '127.0.0.1',
        ...env,
      });
      processes.push(child);
      return child;
    },
    close,
  };
}
