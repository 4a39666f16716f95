/**
 * Lit's `css` templates ship as written, indentation and all, and the first load has a byte
 * budget. This build step collapses their whitespace (and drops it around `{ } ; , >`), which
 * changes no rule. A template with an interpolation is left as it is: what `${…}` stands for
 * could make a removed space matter.
 */
import type { Plugin } from 'vite';

/** CSS text without comments and with only the whitespace that can matter. */
export function minifyCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .trim();
}

export function minifyCssLiterals(): Plugin {
  return {
    name: 'gatehouse-minify-css-literals',
    apply: 'build',
    transform(code, id) {
      if (!id.includes('/src/') || !id.endsWith('.ts') || !code.includes('css`')) return null;
      return code.replace(/\bcss`([^`]*)`/g, (whole, body: string) =>
        body.includes('${') ? whole : `css\`${minifyCss(body)}\``,
      );
    },
  };
}
