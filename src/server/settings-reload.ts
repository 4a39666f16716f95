/**
 * Tenant settings without a restart (docs/server.md#changing-settings): on SIGHUP the server reads
 * the tenants folder again and validates all of it. Only a folder with no problem at all replaces
 * the running settings; otherwise every problem is logged and the running settings stay.
 */
import type { Queryable } from './database/database.js';
import type { HostedPages } from './http/pages.js';
import type { Logger } from './log.js';
import { countGroupMembers } from './store/users.js';
import type { TenantRegistry } from './tenants.js';

/** Hosted pages whose contents can be replaced under the routes that hold them. */
export function swappablePages(initial: HostedPages): {
  pages: HostedPages;
  /** Serves `next` from now on; returns what served until now. */
  swap(next: HostedPages): HostedPages;
} {
  let current = initial;
  // Hosted pages are a function with `shell` and `start` beside it: all go to the current ones.
  const pages = Object.assign((...args: Parameters<HostedPages>) => current(...args), {
    shell: (...args: Parameters<HostedPages['shell']>) => current.shell(...args),
    start: (...args: Parameters<HostedPages['start']>) => current.start(...args),
  }) satisfies HostedPages;
  return {
    pages,
    swap(next) {
      const previous = current;
      current = next;
      return previous;
    },
  };
}

/** Logs a refused reload: each problem on its own line, then the refusal. */
export function logRefusal(log: Logger, error: unknown): void {
  const problems = problemsOf(error);
  for (const problem of problems) log.error('settings_problem', { problem });
  log.error('settings_reload_refused', { problems: problems.length });
}

/**
 * An `enabled: selected` switch whose group has no member lets nobody reset: a typo in the group
 * name, or a pilot group not yet filled. It is logged, not refused, since the import may come next.
 */
export async function warnEmptyResetGroups(
  db: Queryable,
  tenants: TenantRegistry,
  log: Logger,
): Promise<void> {
  for (const tenant of tenants.values()) {
    const setting = tenant.selfServiceReset;
    if (setting.enabled !== 'selected') continue;
    if ((await countGroupMembers(db, tenant.id, setting.group)) === 0) {
      log.warn('reset_group_empty', { tenant: tenant.id, group: setting.group });
    }
  }
}

/** The problems of a refused folder, one a line, as loadTenants and the secrets name them. */
export function problemsOf(error: unknown): string[] {
  const text = error instanceof Error ? error.message : String(error);
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && line !== 'Invalid tenant files:');
}
