/**
 * What the server writes into a hosted page: the tenant's public settings and its resolved theme
 * pack, exactly as `GET …/config` and `/themes/<id>.json` would answer, so that the first page
 * paints without waiting for either. The server parsed both with the contract's schemas; the
 * page's HTML is as trusted as the script it loads, so the browser reads them without zod, which
 * the first load does not carry.
 */
import type { TenantConfig } from '../api/contract.schema.js';
import type { ResolvedTheme } from '../theme/resolved-theme.schema.js';

export interface BootData {
  config: TenantConfig;
  theme: ResolvedTheme | undefined;
}

export const bootDataId = 'gate-boot';

/** The `<script type="application/json">` for the page's head; `<` is escaped, so no text can close it. */
export function bootDataScript(data: BootData): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${bootDataId}">${json}</script>`;
}

/** The page's boot data; none (or unreadable) means the app asks the API, as it does when embedded. */
export function readBootData(document: Document): BootData | undefined {
  const element = document.getElementById(bootDataId);
  if (!(element instanceof HTMLScriptElement) || element.type !== 'application/json') {
    return undefined;
  }
  try {
    return JSON.parse(element.text) as BootData;
  } catch {
    return undefined;
  }
}
