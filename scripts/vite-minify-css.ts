/**
 * Lit's `css` templates ship as written, indentation and all, and the first load has a byte
 * budget. This build step collapses their whitespace (and drops it around `{ } ; , >`, after a
 * declaration's colon, and the last `;` of a block), which changes no rule. A template with an
 * interpolation is left as it is: what `${…}` stands for could make a removed space matter.
 */
import type { Plugin } from 'vite';

/** CSS text without comments and with only the whitespace that can matter. */
export function minifyCss(text: string): string {
  return (
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/ ?([{};,>]) ?/g, '$1')
      // A declaration's colon (after `{` or `;`, never a selector's, which has no space after it).
      .replace(/([{;])([a-z-]+): /g, '$1$2:')
      .replace(/;}/g, '}')
      .trim()
  );
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
