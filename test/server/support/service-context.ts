/**
 * The services (src/server/services) without a server: a ServiceContext on an embedded database,
 * a clock that moves only when told (so that a limit can be hit to the millisecond), cheap scrypt
 * for the stored passwords, and the queued mail read back from the outbox. Small and fast, so that
 * mutation testing (`npm run test:mutation`) can run it for every mutant.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { openEmbeddedDatabase } from '../../../src/server/database/embedded-database.js';
import type { Database } from '../../../src/server/database/database.js';
import { migrate } from '../../../src/server/database/migrations.js';
import { createLogger } from '../../../src/server/log.js';
import { Mailer } from '../../../src/server/mail/mailer.js';
import { open } from '../../../src/server/security/sealed-box.js';
import {
  currentParams,
  hashPassword,
  type ScryptParams,
} from '../../../src/server/security/password-hash.js';
import type { RequestMeta, ServiceContext } from '../../../src/server/services/context.js';
import { insertUser, type NewUser, type User } from '../../../src/server/store/users.js';
import { defaultLimits, type Limits } from '../../../src/rules/limits.js';
import { shippedTenants } from '../../../src/tenant/shipped-tenants.js';
import type { Tenant } from '../../../src/tenant/tenant.schema.js';
import { freshDataDir, removeDir } from './data-dir.js';
import { ManualClock } from './test-clock.js';

/** The cheapest parameters the schema allows: hashes that verify in milliseconds. */
export const cheapParams: ScryptParams = {
  algorithm: 'scrypt',
  N: 2 ** 14,
  r: 8,
  p: 1,
  keyLength: 32,
};

export interface QueuedMail {
  recipient: string;
  kind: string;
  content: Record<string, unknown>;
}

export interface ServiceHarness {
  context: ServiceContext;
  db: Database;
  clock: ManualClock;
  tenant: (id: string) => Tenant;
  /** A user with a password hashed at today's (cheap) parameters, or at older ones. */
  addUser: (
    user: Partial<NewUser> & { email: string },
    password: string,
    params?: ScryptParams,
  ) => Promise<User>;
  /** Every message queued so far, oldest first, content unsealed. */
  mails: () => Promise<QueuedMail[]>;
  meta: (ip: string) => RequestMeta;
  close: () => Promise<void>;
}

/**
 * Today's parameters (N = 2^17) cost a second or more per run on a busy machine, and every
 * successful sign-in pays one. The services' rules do not depend on the cost, and
 * password-hash.test.ts holds the real parameters, so the service tests hash at the cheapest
 * (in their own process only). A hash with a shorter key is then the "old" one to upgrade.
 */
Object.assign(currentParams, cheapParams);

export async function openServiceHarness(limits: Partial<Limits> = {}): Promise<ServiceHarness> {
  const dataDir = await freshDataDir();
  const db = await openEmbeddedDatabase(join(dataDir, 'pglite'));
  await migrate(db);
  const clock = new ManualClock();
  const tenants = new Map(shippedTenants().map((tenant) => [tenant.id, tenant]));
  const key = randomBytes(32);
  const log = createLogger(() => {});
  const mailer = new Mailer({
    db,
    tenants,
    key,
    transport: { kind: 'outbox', deliver: () => Promise.resolve(), close: () => {} },
    brand: () => Promise.reject(new Error('no mail is rendered here')),
    from: 'gatehouse@localhost',
    clock,
    log,
  });
  // Closed before use: queued messages stay in the outbox, where the tests read them.
  await mailer.close();
  const context: ServiceContext = {
    db,
    clock,
    limits: { ...defaultLimits, ...limits },
    mailer,
    log,
    codeKey: randomBytes(32),
    dummyPassword: await hashPassword('the dummy password', cheapParams),
  };
  return {
    context,
    db,
    clock,
    tenant: (id) => tenants.get(id)!,
    addUser: async (user, password, params = cheapParams) =>
      insertUser(
        db,
        {
          tenant: 'contoso',
          groups: [],
          emailConfirmedAt: new Date(clock.now()),
          ...user,
          password: await hashPassword(password, params),
        },
        new Date(clock.now()),
      ),
    mails: async () => {
      const rows = await db.query<{ id: string; recipient: string; kind: string; content: string }>(
        'SELECT id, recipient, kind, content FROM mail_outbox ORDER BY created_at, id',
      );
      return rows.map((row) => ({
        recipient: row.recipient,
        kind: row.kind,
        content: JSON.parse(open(key, row.content, row.id)) as Record<string, unknown>,
      }));
    },
    meta: (ip) => ({ ip, locale: 'en' }),
    close: async () => {
      await db.close();
      removeDir(dataDir);
    },
  };
}
