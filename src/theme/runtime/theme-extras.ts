/**
 * What a pack brings beyond its styles, none of which the form waits for, so it loads after the
 * first paint: the hosted page's favicon, and the brand fonts. The fonts go into the document's
 * font set (an `@font-face` in a constructed sheet would not reach a shadow root's text; the
 * document's FontFaceSet does); each face loads from Gatehouse's origin (the CSP's
 * `font-src 'self'`) when text first uses it, and swaps in.
 */
import type { ResolvedTheme } from '../resolved-theme.schema.js';

const addedFaces = new Set<string>();

export function addFontFaces(theme: ResolvedTheme): void {
  for (const font of theme.fonts ?? []) {
    if (addedFaces.has(font.src)) continue;
    addedFaces.add(font.src);
    const face = new FontFace(font.family, `url(${JSON.stringify(font.src)}) format("woff2")`, {
      weight: String(font.weight),
      style: font.style,
      display: 'swap',
    });
    document.fonts.add(face);
  }
}

/** Points the document's icon at the pack's favicon, or removes the icon a previous pack set. */
export function applyFavicon(document: Document, theme: ResolvedTheme): void {
  let link = document.head.querySelector<HTMLLinkElement>('link[rel="icon"][data-gate-favicon]');
  if (!theme.assets.favicon) {
    link?.remove();
    return;
  }
  if (!link) {
    link = document.createElement('link');
    link.rel = 'icon';
    document.head.append(link);
  }
  link.dataset.gateFavicon = theme.id;
  link.href = theme.assets.favicon;
}

/** Everything here for a pack just applied; the favicon only where the page is the pack's own. */
export function applyThemeExtras(theme: ResolvedTheme, ownPage: boolean): void {
  addFontFaces(theme);
  if (ownPage) applyFavicon(document, theme);
}
