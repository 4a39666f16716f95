/**
 * Every limit under bursts, on two instances sharing one real PostgreSQL (docs/security.md, rules 9, 15,
 * 16 and 17; docs/deployment.md "How each limit stays atomic"). The embedded database runs one
 * statement at a time and cannot show these races; PostgreSQL runs the parallel requests at once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startCluster, type Cluster } from './support/cluster.js';
import { apiOf } from './support/http.js';

const password = 'a long enough demo passphrase';

describe('server: limits under bursts on two instances', () => {
  let cluster: Cluster;
  let apis: ReturnType<typeof apiOf>[];
  /** The n-th of a burst goes to instance n mod 2, as a round-robin load balancer sends it. */
  const api = (n: number) => apis[n % apis.length]!;

  before(async () => {
    cluster = await startCluster();
    apis = cluster.servers.map((server) => apiOf(server.url));
  });

  after(async () => {
    await cluster?.close();
  });

  const statuses = (answers: { status: number }[]) => {
    const counts: Record<number, number> = {};
    for (const { status } of answers) counts[status] = (counts[status] ?? 0) + 1;
    return counts;
  };

  it('mails at most 10 codes to one address from 40 parallel reset starts', async () => {
    const email = 'burst-start@contoso.example';
    await cluster.addUser(email, password);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, n) =>
        api(n).post('/password-reset', { email }, { ip: `203.0.113.${n}` }),
      ),
    );
    assert.deepEqual(statuses(answers), { 202: 40 });
    await cluster.sink!.waitFor(email, 10, 20_000);
    // Delivery is off the request path: give any further queued message time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const mailed = cluster.sink!.to(email).length;
    assert.equal(mailed, 10, `${mailed} codes mailed`);
  });

  it('judges at most 100 of 150 parallel wrong codes from one client and answers the rest 429', async () => {
    const email = 'burst-verify@contoso.example';
    await cluster.addUser(email, password);
    const ip = '198.51.100.150';
    const started = await api(0).post('/password-reset', { email }, { ip });
    const flowId = started.body.flowId as string;
    const answers = await Promise.all(
      Array.from({ length: 150 }, (_, n) =>
        api(n).post(`/password-reset/${flowId}/verify`, { code: '000000' }, { ip }),
      ),
    );
    const counts = statuses(answers);
    assert.ok((counts[422] ?? 0) <= 100, `${counts[422]} judged`);
    assert.equal((counts[422] ?? 0) + (counts[429] ?? 0), 150, JSON.stringify(counts));
    for (const answer of answers.filter((each) => each.status === 429)) {
      assert.ok(Number(answer.headers.get('retry-after')) > 0);
    }
  });

  it('issues exactly one new code from 20 parallel resends after the interval', async () => {
    const email = 'burst-resend@contoso.example';
    await cluster.addUser(email, password);
    const started = await api(0).post('/password-reset', { email }, { ip: '198.51.100.20' });
    const flowId = started.body.flowId as string;
    await cluster.sink!.waitFor(email, 1);
    cluster.clock.advance(31_000);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        api(n).post(`/password-reset/${flowId}/resend`, {}, { ip: '198.51.100.20' }),
      ),
    );
    assert.deepEqual(statuses(answers), { 202: 1, 429: 19 });
    await cluster.sink!.waitFor(email, 2);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    assert.equal(cluster.sink!.to(email).length, 2);
  });

  it('locks an account once, at the threshold, from 30 parallel wrong passwords', async () => {
    const email = 'burst-lock@contoso.example';
    await cluster.addUser(email, password);
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        api(n).post(
          '/sign-in',
          { identifier: email, password: `wrong password ${n}` },
          { ip: `192.0.2.${n}` },
        ),
      ),
    );
    assert.deepEqual(statuses(answers), { 401: 30 });
    const [user] = await cluster.query<{ lock_count: number; locked_until: Date | null }>(
      'SELECT lock_count, locked_until FROM users WHERE email = $1',
      [email],
    );
    const locks = await cluster.query<{ at: Date }>(
      `SELECT a.at FROM audit_events a JOIN users u ON u.id = a.user_id
       WHERE u.email = $1 AND a.event = 'account_locked'`,
      [email],
    );
    // One lock of the first length (60 s from the failure that set it), not a second or third,
    // doubled, from the later failures.
    assert.equal(user!.lock_count, 1);
    assert.equal(locks.length, 1);
    assert.equal(user!.locked_until!.getTime() - locks[0]!.at.getTime(), 60_000);
    const right = await api(1).post(
      '/sign-in',
      { identifier: email, password },
      { ip: '192.0.2.200' },
    );
    assert.equal(right.status, 401);
  });

  it('doubles each lock up to 15 minutes and keeps it there, with the failures spread over both instances', async () => {
    const email = 'ladder@contoso.example';
    await cluster.addUser(email, password);
    let n = 0;
    const signIn = (secret: string) =>
      api(n++).post('/sign-in', { identifier: email, password: secret }, { ip: `198.51.100.${n}` });
    for (const [index, lockMinutes] of [1, 2, 4, 8, 15, 15].entries()) {
      for (let failure = 0; failure < 10; failure += 1) {
        assert.equal((await signIn('wrong password here')).status, 401);
      }
      // Just before the lock ends, on either instance, even the right password is refused.
      cluster.clock.advance(lockMinutes * 60_000 - 2_000);
      assert.equal((await signIn(password)).status, 401, `lock ${index + 1} ended early`);
      cluster.clock.advance(3_000);
    }
    assert.equal((await signIn(password)).status, 200, 'the last lock outlasted 15 minutes');
    const [user] = await cluster.query<{ lock_count: number }>(
      'SELECT lock_count FROM users WHERE email = $1',
      [email],
    );
    assert.equal(user!.lock_count, 0, 'a sign-in starts the ladder over');
  });
});
