/**
 * The tenants this server hosts: every `*.json` in the tenants folder, validated with the same
 * schema the pages and the mock use. One bad file stops the start, with every problem named.
 */
import { access, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { builtThemesDir } from './built-themes.js';
import { loadMessageCatalog, parseTextOverrides } from '../i18n/overrides.schema.js';
import { parseTenantFile, type Tenant } from '../tenant/tenant.schema.js';

export type TenantRegistry = ReadonlyMap<string, Tenant>;

let messageCatalog: ReturnType<typeof loadMessageCatalog> | undefined;
const catalog = () => (messageCatalog ??= loadMessageCatalog());

export async function loadTenants(dir: string): Promise<TenantRegistry> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  const tenants = new Map<string, Tenant>();
  const errors: string[] = [];
  for (const name of files) {
    const file = join(dir, name);
    let data: unknown;
    try {
      data = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      errors.push(`${file}: (top level): is not valid JSON (${(error as Error).message})`);
      continue;
    }
    const parsed = parseTenantFile(file, data);
    if (!parsed.ok) {
      errors.push(...parsed.failure);
      continue;
    }
    // Overrides name message ids and placeholders; both must exist (emails use them too).
    const overrides = parsed.value.textOverrides;
    const checked = overrides && parseTextOverrides(file, overrides, await catalog());
    if (checked && !checked.ok) {
      errors.push(
        ...checked.failure.map((error) => error.replace(`${file}: `, `${file}: textOverrides.`)),
      );
    } else {
      tenants.set(parsed.value.id, parsed.value);
    }
  }
  if (errors.length > 0) throw new Error(`Invalid tenant files:\n  ${errors.join('\n  ')}`);
  if (tenants.size === 0) throw new Error(`No tenant files (*.json) in ${dir}`);
  return tenants;
}

/**
 * Every tenant's pack is built (`dist/themes/<id>.json`): a typo in `theme` stops the start, naming
 * the file and field, instead of serving unbranded pages.
 */
export async function requireTenantThemes(
  tenants: TenantRegistry,
  tenantsDir: string,
  distDir: string,
): Promise<void> {
  const errors: string[] = [];
  for (const tenant of tenants.values()) {
    const built = join(builtThemesDir(distDir), `${tenant.theme}.json`);
    const present = await access(built).then(
      () => true,
      () => false,
    );
    if (!present) {
      errors.push(
        `${join(tenantsDir, `${tenant.id}.json`)}: theme: no theme pack "${tenant.theme}" (${built} does not exist; packs are the folders in themes/, built by npm run build)`,
      );
    }
  }
  if (errors.length > 0) throw new Error(`Invalid tenant files:\n  ${errors.join('\n  ')}`);
}
