/**
 * Puts a resolved pack on a container: its tokens (one constructed stylesheet per pack and root,
 * so CSP needs no inline style) and its layout. Applying another pack swaps both in place; the
 * container's content, and whatever a user typed into it, stays as it is.
 */
import type { ResolvedTheme } from '../resolved-theme.schema.js';
import { themeAttribute, themeCss } from './theme-css.js';
import { themeLayoutStyles } from './theme-layout.styles.js';

const sheets = new WeakMap<Document | ShadowRoot, Map<string, CSSStyleSheet>>();

function adopt(root: Document | ShadowRoot, sheet: CSSStyleSheet) {
  if (!root.adoptedStyleSheets.includes(sheet))
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** The root's sheet for this pack, created once and refreshed when the pack's CSS changed. */
function packSheet(root: Document | ShadowRoot, theme: ResolvedTheme): CSSStyleSheet {
  const byId = sheets.get(root) ?? new Map<string, CSSStyleSheet>();
  sheets.set(root, byId);
  const css = themeCss(theme);
  let sheet = byId.get(theme.id);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    byId.set(theme.id, sheet);
  }
  sheet.replaceSync(css);
  return sheet;
}

/**
 * Themes `container` (and everything in it) with `theme`. The container must be in a document or
 * shadow root, which receives the stylesheets.
 */
export function applyTheme(container: HTMLElement, theme: ResolvedTheme): void {
  const root = container.getRootNode();
  if (!(root instanceof Document || root instanceof ShadowRoot)) {
    throw new Error('applyTheme needs a container that is in a document or shadow root');
  }
  if (themeLayoutStyles.styleSheet) adopt(root, themeLayoutStyles.styleSheet);
  adopt(root, packSheet(root, theme));
  container.setAttribute(themeAttribute, theme.id);
  container.dataset.gateLayout = theme.layout;
}
