/**
 * Refuses SVG assets that could run script or reach outside themselves when opened on their
 * own URL (docs/security.md#rule-21). An allowlist of static drawing elements, no event handler
 * attributes, no links but `#fragment` ones, no DOCTYPE (entities), no external `url()`.
 */

const allowedElements = new Set(
  (
    'svg g defs symbol use title desc metadata switch style path rect circle ellipse line polyline ' +
    'polygon text tspan textPath linearGradient radialGradient stop pattern clipPath mask marker ' +
    'filter feBlend feColorMatrix feComponentTransfer feComposite feDropShadow feFlood feFuncA ' +
    'feFuncB feFuncG feFuncR feGaussianBlur feMerge feMergeNode feMorphology feOffset feTurbulence'
  ).split(' '),
);

/** `&#106;` and `&#x6A;` decoded, so that an encoded `javascript:` is still found. */
function decodeCharacterReferences(text: string): string {
  return text.replace(/&#(x[0-9a-f]+|\d+);?/gi, (_, code: string) => {
    const point = code[0] === 'x' || code[0] === 'X' ? parseInt(code.slice(1), 16) : Number(code);
    return point <= 0x10ffff ? String.fromCodePoint(point) : '';
  });
}

/** A `url(...)` that points anywhere but at a fragment of this file, or an `@import`. */
function reachesOutside(css: string): boolean {
  return /@import|url\(\s*(?!['"]?#)/i.test(css);
}

/** Every reason this SVG text is refused; empty when it is a static drawing. */
export function svgProblems(text: string): string[] {
  const problems = new Set<string>();
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) problems.add('SVG must not declare a DOCTYPE or entities');
  if (/<\?(?!xml\s)/i.test(text)) problems.add('SVG must not contain processing instructions');
  const withoutComments = text.replace(/<!--[\s\S]*?-->/g, '');
  const tags = withoutComments.matchAll(/<([A-Za-z][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g);
  for (const [, qualifiedName, attributeText] of tags) {
    const name = qualifiedName!.replace(/^[\w.-]*:/, '');
    if (!allowedElements.has(name)) problems.add(`SVG must not contain <${qualifiedName}>`);
    const attributes = attributeText!.matchAll(
      /([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g,
    );
    for (const [, attribute, doubleQuoted, singleQuoted, bare] of attributes) {
      const local = attribute!.replace(/^[\w.-]*:/, '').toLowerCase();
      const value = decodeCharacterReferences(doubleQuoted ?? singleQuoted ?? bare ?? '');
      if (local.startsWith('on')) {
        problems.add(`SVG must not contain event handlers (${attribute} on <${qualifiedName}>)`);
      } else if (local === 'href' && !value.trim().startsWith('#')) {
        problems.add(`SVG must not link outside itself (${attribute}="${value.slice(0, 40)}")`);
      } else if (/javascript:/i.test(value.replace(/\s/g, '')) || reachesOutside(value)) {
        problems.add(`SVG must not load or run anything (${attribute} on <${qualifiedName}>)`);
      }
    }
  }
  const styles = withoutComments.matchAll(/<style[^>]*>([\s\S]*?)<\/style\s*>/gi);
  for (const [, css] of styles) {
    if (reachesOutside(decodeCharacterReferences(css!))) {
      problems.add('SVG styles must not use @import or url() outside the file');
    }
  }
  return [...problems];
}
