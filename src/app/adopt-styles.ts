import type { CSSResult } from 'lit';
import { baseTokens } from '../theme/runtime/base-tokens.js';
import { appStyles } from './app.styles.js';

/** What every root that holds a `<gate-app>` gets; the library entry adds its guard for host pages. */
export const gateStyles: CSSResult[] = [baseTokens, appStyles];

/**
 * Adds the base theme and page styles to a document or shadow root, once. Constructed sheets
 * need no inline `<style>`, so they pass a strict CSP.
 */
export function adoptGateStyles(root: Document | ShadowRoot) {
  const sheets = gateStyles.flatMap((style) => style.styleSheet ?? []);
  const missing = sheets.filter((sheet) => !root.adoptedStyleSheets.includes(sheet));
  if (missing.length > 0) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...missing];
}
