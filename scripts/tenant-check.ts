/**
 * `npm run tenant:check [tenants-folder]`: validates every tenant file (as the server does at
 * start) and the theme pack each one names, with the checks of theme:check. One
 * "file: field: message" line per problem; exit code 1 on any problem, 2 on a usage error.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadTenants } from '../src/server/tenants.js';
import { checkPacks, packIds, shippedThemesDir } from './theme-packs.js';

async function main([dir = 'tenants', ...rest]: string[]): Promise<number> {
  if (rest.length > 0 || !existsSync(dir)) {
    console.error(`tenant:check: usage: npm run tenant:check [tenants-folder] (no folder ${dir})`);
    return 2;
  }
  let tenants;
  try {
    tenants = await loadTenants(dir);
  } catch (error) {
    console.error((error as Error).message);
    console.log('tenant:check: the tenant files have problems');
    return 1;
  }
  const shipped = await packIds(shippedThemesDir);
  const errors: string[] = [];
  const named = new Set<string>();
  for (const tenant of tenants.values()) {
    if (shipped.includes(tenant.theme)) named.add(tenant.theme);
    else {
      errors.push(
        `${join(dir, `${tenant.id}.json`)}: theme: no theme pack "${tenant.theme}" (no ${shippedThemesDir}/${tenant.theme}/; packs: ${shipped.join(', ')})`,
      );
    }
  }
  errors.push(...(await checkPacks(shippedThemesDir, [...named])).errors);
  for (const error of errors) console.error(error);
  console.log(
    `tenant:check: ${tenants.size} tenant(s), ${named.size} pack(s), ${errors.length === 0 ? 'no problems' : `${errors.length} problem(s)`}`,
  );
  return errors.length === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
