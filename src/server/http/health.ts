/**
 * For a load balancer (docs/deployment.md): `/healthz` answers 200 while the process serves
 * requests at all, so a failing one means "restart me"; `/readyz` answers 200 only while the
 * database answers too, within a second, so a failing one means "send no traffic here for now".
 */
import { Hono } from 'hono';
import type { Database } from '../database/database.js';

/** Ours: a load balancer's probe should not wait on the pool's own 5 s connection timeout. */
const readyWithinMs = 1_000;

async function databaseAnswers(db: Database): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), readyWithinMs);
  });
  try {
    return await Promise.race([db.query('SELECT 1').then(() => true), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export function healthRoutes(db: Database) {
  const health = new Hono();
  health.get('/healthz', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'serving' });
  });
  health.get('/readyz', async (c) => {
    c.header('Cache-Control', 'no-store');
    return (await databaseAnswers(db))
      ? c.json({ status: 'ready' })
      : c.json({ status: 'database_unavailable' }, 503);
  });
  return health;
}
