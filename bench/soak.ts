/**
 * The soak of docs/deployment.md's setup: two instances, as `npm run serve` runs them, on one real
 * PostgreSQL, with one SMTP sink, under mixed traffic spread over both for a bounded time (5
 * minutes unless told). It reports the rate, p50 and p99, errors, each instance's memory at the
 * start and the end, and the email queued against the email delivered (once each).
 *
 * `npm run bench` adds its row; `tsx bench/soak.ts [--seconds N]` runs it alone. It expects the
 * pages and the server built (`npm run bench` builds both; alone, `tsx src/server/build-pages.ts`
 * and `tsx scripts/build-server.ts`).
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { hashPassword } from '../src/server/security/password-hash.js';
import { startPostgres } from '../test/server/support/postgres.js';
import { startSmtpSink } from '../test/server/support/smtp-sink.js';
import { closedLoop, type LoadRequest, type LoadResult } from './load.js';
import { makeDataDir, removeDataDir, startServer, type BenchServer } from './server.js';

export const defaultSoakSeconds = 300;
const tenantApi = '/api/v1/tenants/contoso';
/** Accounts the starts ask codes for; each gets at most 10 an hour (docs/security.md#rule-9). */
const accounts = 300;
const account = (n: number) => `soak-${n}@contoso.example`;

export interface SoakResult {
  seconds: number;
  load: LoadResult;
  instances: { startRssBytes: number; endRssBytes: number }[];
  mail: {
    /** Rows ever inserted into the queue. */
    queued: number;
    /** Messages the SMTP sink received, and how many distinct ones (a repeat would be a duplicate). */
    delivered: number;
    distinct: number;
    /** Still in the queue after the drain, and given up on. */
    waiting: number;
    dead: number;
  };
}

/** Every instance of one deployment shares these (docs/deployment.md). */
const sharedEnv = () => ({
  CODE_HASH_KEY: randomBytes(32).toString('hex'),
  MAIL_KEY: randomBytes(32).toString('hex'),
});

async function seedAccounts(url: string) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    // One hash for all: they are only ever asked codes for, never signed in with.
    const hash = await hashPassword('soak passphrase, never used');
    await db.query(
      `INSERT INTO users (id, tenant, email, password_hash, password_salt, password_params,
         email_confirmed_at, password_changed_at, created_at)
       SELECT gen_random_uuid()::text, 'contoso', 'soak-' || n || '@contoso.example', $1, $2, $3,
         now(), now(), now()
       FROM generate_series(0, $4 - 1) AS n`,
      [hash.hash, hash.salt, JSON.stringify(hash.params), accounts],
    );
  } finally {
    await db.end();
  }
}

async function queueFigures(url: string) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const { rows } = await db.query<{ queued: string; waiting: number; dead: number }>(
      `SELECT pg_stat_get_tuples_inserted('mail_outbox'::regclass) AS queued,
         count(*) FILTER (WHERE dead_at IS NULL)::int AS waiting,
         count(*) FILTER (WHERE dead_at IS NOT NULL)::int AS dead
       FROM mail_outbox`,
    );
    return { queued: Number(rows[0]!.queued), waiting: rows[0]!.waiting, dead: rows[0]!.dead };
  } finally {
    await db.end();
  }
}

export async function measureSoak(
  distDir: string,
  seconds: number,
  say: (line: string) => void,
): Promise<SoakResult> {
  const postgres = await startPostgres();
  const sink = await startSmtpSink();
  const dataDirs = [await makeDataDir(), await makeDataDir()];
  const servers: BenchServer[] = [];
  try {
    const env = { DATABASE_URL: postgres.url, SMTP_URL: sink.url, ...sharedEnv() };
    say('soak: two instances on one PostgreSQL');
    // Both at once, as a rolling start: one migrates, the other waits for it.
    servers.push(
      ...(await Promise.all(dataDirs.map((dataDir) => startServer(distDir, dataDir, env)))),
    );
    await seedAccounts(postgres.url);
    const startRss = servers.map((server) => server.rssBytes());

    let sent = 0;
    const flows: string[] = [];
    /** A new client address every 50 requests, so that no client reaches its 100 failures. */
    const headers = () => {
      const client = Math.floor(sent / 50);
      return {
        'x-forwarded-for': `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}`,
      };
    };
    const start = (email: string): LoadRequest => ({
      method: 'POST',
      path: `${tenantApi}/password-reset`,
      body: JSON.stringify({ email }),
      headers: headers(),
    });
    const flow = () => flows[Math.floor(Math.random() * flows.length)];
    // Of every ten: 3 starts for an account (mailed while its hour has room), 3 for an unknown
    // address, 3 wrong codes, 1 status read.
    const next = (): LoadRequest => {
      const kind = sent++ % 10;
      const flowId = flow();
      if (kind < 3) return start(account(sent % accounts));
      if (kind < 6 || !flowId) return start(`soak-unknown-${sent}@soak.example`);
      if (kind < 9) {
        return {
          method: 'POST',
          path: `${tenantApi}/password-reset/${flowId}/verify`,
          body: JSON.stringify({ code: '000000' }),
          headers: headers(),
        };
      }
      return { method: 'GET', path: `${tenantApi}/password-reset/${flowId}`, headers: headers() };
    };
    say(`soak: ${seconds} s of mixed traffic over both`);
    const load = await closedLoop({
      url: servers.map((server) => server.url),
      connections: 10,
      seconds,
      next,
      onAnswer: (_, status, body) => {
        if (status === 202 && flows.length < 5_000) {
          flows.push((JSON.parse(body) as { flowId: string }).flowId);
        }
      },
    });
    const endRss = servers.map((server) => server.rssBytes());
    say('soak: draining the mail queue');
    const drainUntil = Date.now() + 30_000;
    while (Date.now() < drainUntil && (await queueFigures(postgres.url)).waiting > 0) {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    // Stopped instances have flushed their statistics: the insert count is complete.
    await Promise.all(servers.splice(0).map((server) => server.stop()));
    const queue = await queueFigures(postgres.url);
    const ids = sink.mails.map((mail) => /^Message-ID:\s*(\S+)/im.exec(mail.raw)?.[1] ?? '');
    return {
      seconds,
      load,
      instances: startRss.map((rss, index) => ({
        startRssBytes: rss,
        endRssBytes: endRss[index]!,
      })),
      mail: { ...queue, delivered: sink.mails.length, distinct: new Set(ids).size },
    };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await sink.close();
    await postgres.destroy();
    await Promise.all(dataDirs.map((dataDir) => removeDataDir(dataDir)));
  }
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

/** The bench's row: figure, goal, measured, verdict. */
export function soakRow(result: SoakResult): [string, string, string, string] {
  const { load, mail } = result;
  const errors = Object.entries(load.statuses)
    .filter(([status]) => status === 'error' || Number(status) >= 500)
    .reduce((sum, [, count]) => sum + count, 0);
  const memory = result.instances
    .map(
      (instance, index) =>
        `#${index + 1} ${mb(instance.startRssBytes)} -> ${mb(instance.endRssBytes)}`,
    )
    .join(', ');
  const lost = mail.queued - mail.delivered - mail.waiting - mail.dead;
  const met = errors === 0 && lost === 0 && mail.distinct === mail.delivered;
  return [
    `soak: 2 instances on one PostgreSQL, ${result.seconds} s mixed`,
    'no errors; every queued email delivered once',
    `${load.rate.toFixed(0)} /s, p50 ${load.p50Ms.toFixed(1)} ms, p99 ${load.p99Ms.toFixed(1)} ms, ${errors} errors (${load.requests} requests, statuses ${JSON.stringify(load.statuses)}); memory ${memory}; email queued ${mail.queued}, delivered ${mail.delivered} (${mail.distinct} distinct), waiting ${mail.waiting}, dead ${mail.dead}`,
    met ? 'met' : 'NOT met',
  ];
}

async function main() {
  const { values } = parseArgs({
    options: { seconds: { type: 'string' }, dist: { type: 'string' } },
  });
  const seconds = Number(values.seconds ?? defaultSoakSeconds);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error('--seconds must be a number > 0');
  const result = await measureSoak(values.dist ?? 'dist', seconds, (line) =>
    process.stderr.write(`bench: ${line}\n`),
  );
  process.stdout.write(`${soakRow(result).join(' | ')}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
