import { expect } from '@open-wc/testing';
import { imageInfo } from '../../../src/theme/pack/image-info.js';
import { svgProblems } from '../../../src/theme/pack/svg-safety.js';
import { pngHeader } from '../../support/images.js';

const encode = (text: string) => new TextEncoder().encode(text);

/** A JPEG's start: SOI, an APP0 segment, then a baseline start-of-frame with the size. */
function jpegHeader(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof = [0xff, 0xc0, 0x00, 0x11, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3];
  return new Uint8Array([0xff, 0xd8, ...app0, 0xff, ...sof, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
}

/** [what, bytes, type, width, height] */
const images = [
  ['a PNG', pngHeader(1920, 1080), 'png', 1920, 1080],
  ['a huge PNG', pngHeader(40000, 30000), 'png', 40000, 30000],
  ['a JPEG', jpegHeader(1600, 900), 'jpeg', 1600, 900],
  [
    'an SVG with width and height',
    encode('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="48"></svg>'),
    'svg',
    200,
    48,
  ],
  ['an SVG with px units', encode("<svg width='200px' height='48px'/>"), 'svg', 200, 48],
  ['an SVG with only a viewBox', encode('<svg viewBox="0 0 1200 1080"></svg>'), 'svg', 1200, 1080],
  [
    'an SVG with % sizes and a viewBox',
    encode('<svg width="100%" height="100%" viewBox="0,0,64,64"></svg>'),
    'svg',
    64,
    64,
  ],
  [
    'an SVG after an XML declaration and a comment',
    encode('<?xml version="1.0"?>\n<!-- logo -->\n<svg width="10" height="20"/>'),
    'svg',
    10,
    20,
  ],
  ['an SVG without any size', encode('<svg></svg>'), 'svg', undefined, undefined],
] as const;

/** [what, svg, problem] */
const unsafe = [
  ['script', '<svg><script>window.__gateXss=1</script></svg>', 'SVG must not contain <script>'],
  [
    'a namespaced script',
    '<svg><html:script>window.__gateXss=1</html:script></svg>',
    'SVG must not contain <html:script>',
  ],
  [
    'an onload handler',
    '<svg onload="window.__gateXss=1"></svg>',
    'SVG must not contain event handlers (onload on <svg>)',
  ],
  [
    'an unquoted handler',
    '<svg><rect onclick=window.__gateXss=1 /></svg>',
    'SVG must not contain event handlers (onclick on <rect>)',
  ],
  [
    'a foreign object',
    '<svg><foreignObject><div>hi</div></foreignObject></svg>',
    'SVG must not contain <foreignObject>',
  ],
  ['a link', '<svg><a href="https://evil.example"><rect/></a></svg>', 'SVG must not contain <a>'],
  [
    'an external use',
    '<svg><use href="https://evil.example/x.svg#a"/></svg>',
    'SVG must not link outside itself',
  ],
  [
    'a javascript: href',
    '<svg><use xlink:href="javascript:window.__gateXss=1"/></svg>',
    'SVG must not link outside itself',
  ],
  [
    'an encoded javascript: in an attribute',
    '<svg><set to="&#106;avascript:window.__gateXss=1"/></svg>',
    'SVG must not contain <set>',
  ],
  [
    'an external url() in an attribute',
    '<svg><rect fill="url(https://evil.example/p)"/></svg>',
    'SVG must not load or run anything',
  ],
  [
    'an @import in a style',
    '<svg><style>@import url(https://evil.example/x.css);</style></svg>',
    'SVG styles must not use @import',
  ],
  [
    'a DOCTYPE with entities',
    '<!DOCTYPE svg [<!ENTITY x "y">]><svg>&x;</svg>',
    'SVG must not declare a DOCTYPE or entities',
  ],
  [
    'an image element',
    '<svg><image href="https://evil.example/x.png"/></svg>',
    'SVG must not contain <image>',
  ],
] as const;

describe('theme/image-info', () => {
  for (const [what, bytes, type, width, height] of images) {
    it(`reads ${what} as ${type} ${width}x${height}`, () => {
      expect(imageInfo(bytes)).to.deep.equal({ type, width, height });
    });
  }

  it('does not take text, HTML or a GIF for an image', () => {
    expect(imageInfo(encode('hello'))).to.equal(undefined);
    expect(imageInfo(encode('<html><svg></svg></html>'))).to.equal(undefined);
    expect(imageInfo(encode('GIF89a'))).to.equal(undefined);
  });
});

describe('theme/svg-safety', () => {
  it('accepts a static drawing with gradients, local references and styles', () => {
    const svg = `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
      <!-- <script> in a comment is harmless -->
      <title>Logo</title><style>.a { fill: url(#g); }</style>
      <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient><path id="p" d="M0 0h1"/></defs>
      <rect class="a" width="10" height="10" fill="url('#g')"/><use xlink:href="#p"/><text x="1" y="9">&lt;b&gt; &amp; co</text>
    </svg>`;
    expect(svgProblems(svg)).to.deep.equal([]);
  });

  for (const [what, svg, problem] of unsafe) {
    it(`refuses ${what}`, () => {
      expect(svgProblems(svg).join('\n')).to.contain(problem);
    });
  }
});
