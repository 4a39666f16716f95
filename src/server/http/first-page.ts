/**
 * The hosted sign-in page's first step, written into its HTML from the very templates `gate-app`
 * renders in the browser (app/app-shell.ts): the form shows as soon as the HTML has arrived, and
 * the script, once it has run, puts its own rendering in its place and keeps what was typed
 * (app/takeover-controller.ts). The styles come inline, with their hashes in the page's CSP.
 */
import { createHash } from 'node:crypto';
import { LitElement, html, nothing, type CSSResult, type TemplateResult } from 'lit';
import { render } from '@lit-labs/ssr';
import { LitElementRenderer } from '@lit-labs/ssr/lib/lit-element-renderer.js';
import type { RenderInfo } from '@lit-labs/ssr/lib/render-value.js';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { configureReentrantLocalization } from '@lit/localize/init/reentrant.js';
import type { TemplateMap } from '@lit/localize';
import { shellTemplate } from '../../app/app-shell.js';

import { shellParts } from '../../app/first-step.js';
import { appStyles } from '../../app/app.styles.js';
import { sourceLocale } from '../../i18n/generated/locale-codes.js';
import { supportedLocales, type SupportedLocale } from '../../i18n/negotiate-locale.js';
import { baseTokens } from '../../theme/runtime/base-tokens.js';
import { themeCss } from '../../theme/runtime/theme-css.js';
import { themeLayoutStyles } from '../../theme/runtime/theme-layout.styles.js';
import type { ResolvedTheme } from '../../theme/resolved-theme.schema.js';
import type { ThemeText } from '../../theme/theme-text.schema.js';
import { withAssetUrls } from '../../theme/runtime/asset-urls.js';
import { localeTemplates } from '../../i18n/translator.js';
import { readLocaleFrom } from '../../i18n/current-locale.js';
import type { MessageOverrides } from '../../i18n/override-templates.js';

/**
 * The messages of the page being rendered. Rendering is synchronous, so one page's locale can
 * never leak into another's. English is a target locale here too (the source is a private tag, as
 * in the browser's i18n/localization.ts), so that it can carry a tenant's overrides.
 */
let rendering: { locale: SupportedLocale; templates: TemplateMap } | undefined;
configureReentrantLocalization({
  sourceLocale: `${sourceLocale}-x-code`,
  targetLocales: [...supportedLocales],
  getLocale: () => rendering?.locale ?? `${sourceLocale}-x-code`,
  loadLocaleSync: () => rendering && { templates: rendering.templates },
});
readLocaleFrom(() => rendering?.locale ?? sourceLocale);

const lightDomStart = '<!--gate-light-dom-->';
const lightDomEnd = '<!--/gate-light-dom-->';

/**
 * Lit's server renderer puts every element's rendering in a declarative shadow root; it has no
 * light-DOM mode (lit/lit#3080). Ours that override `createRenderRoot` render into their light
 * DOM (password managers must see the inputs), so their rendering is marked here and, below,
 * written without the shadow root and without the element's tag: no element then upgrades in
 * the server's copy before `gate-app` replaces it.
 */
const renderRootOf = (ctor: typeof HTMLElement) =>
  (ctor.prototype as unknown as { createRenderRoot: unknown }).createRenderRoot;

class LightDomElementRenderer extends LitElementRenderer {
  static override matchesClass(ctor: typeof HTMLElement): boolean {
    return LitElementRenderer.matchesClass(ctor) && renderRootOf(ctor) !== renderRootOf(LitElement);
  }

  override renderShadow(renderInfo: RenderInfo) {
    return [lightDomStart, ...(super.renderShadow(renderInfo) ?? []), lightDomEnd];
  }
}

const customTag = '[a-z][a-z0-9]*-[a-z0-9-]*';
const lightDomOpening = new RegExp(
  `<${customTag}(?:\\s[^>]*)?><template shadowroot="open" shadowrootmode="open">${lightDomStart}`,
  'g',
);
const lightDomClosing = new RegExp(`${lightDomEnd}</template></${customTag}>`, 'g');
/** Lit's hydration markers: this rendering is replaced, not hydrated. */
const hydrationMarker = /<!--\/?lit-(?:part|node)[^>]*-->/g;

export function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

/** What frames any page the server renders: the tenant, its pack and the page's language. */
export interface ShellInput {
  locale: SupportedLocale;
  locales: readonly SupportedLocale[];
  tenantName: string;
  theme: ResolvedTheme | undefined;
  /** The page's text overrides for `locale` (the pack's and the tenant's). */
  overrides: MessageOverrides | undefined;
}

export interface FirstPage {
  /** The document's title as the app sets it (heading – tenant), as HTML text. */
  title: string;
  /** The `<style>` for the document's head. */
  head: string;
  /** `<gate-app prerendered>` with the rendered step inside. */
  body: string;
  /** CSP sources for every inline style the page carries. */
  styleHashes: string[];
}

/** Where the server serves the packs, and so what their asset paths are relative to. */
const servedThemes = new URL('/themes/', 'http://gatehouse.invalid');

/**
 * A page in the hosted pages' frame, with `step` (made in the page's language, given the pack's
 * text for it) in the card: the first step of the hosted page, and the pages the server shows on
 * its own (the OpenID Connect front door's errors, sign-out and Run now).
 */
export function renderShellPage(
  input: ShellInput,
  step: (text: ThemeText | undefined) => TemplateResult,
): FirstPage {
  const theme =
    input.theme && withAssetUrls(input.theme, (path) => new URL(path, servedThemes).pathname);
  // In the page's language from here on: the step's own text is made by `shellParts`.
  rendering = {
    locale: input.locale,
    templates: localeTemplates(input.locale, input.overrides),
  };
  let markup: string;
  try {
    const parts = shellParts(
      input.locale,
      { locales: input.locales, displayName: input.tenantName },
      theme,
      step,
    );
    // The logo loads when the app takes over, after the first frame (see the banner).
    if (parts.logo) parts.logo.placeholder = true;
    markup = collectResultSync(
      render(
        // `data-gate-theme` and `data-gate-layout` as applyTheme sets them (theme/theme-css.ts).
        html`<gate-app
          routing="history"
          prerendered
          data-gate-theme=${theme?.id ?? nothing}
          data-gate-layout=${theme?.layout ?? nothing}
          >${shellTemplate(parts)}</gate-app
        >`,
        { elementRenderers: [LightDomElementRenderer, LitElementRenderer] },
      ),
    );
  } finally {
    rendering = undefined;
  }
  markup = markup
    .replace(lightDomOpening, '')
    .replace(lightDomClosing, '')
    .replace(hydrationMarker, '');
  if (markup.includes(lightDomStart) || markup.includes(lightDomEnd)) {
    throw new Error(
      'A light-DOM element was given children in its template; it cannot be prerendered',
    );
  }
  // The title as the app sets it, from the step's heading: both are escaped text here (Lit's).
  const heading = /<h1\b[^>]*>([^<]*)<\/h1>/.exec(markup)?.[1]?.trim();
  const tenant = collectResultSync(render(input.tenantName)).replace(hydrationMarker, '');
  const title = [heading, tenant].filter(Boolean).join(' – ');
  // The pack's background image comes with the app's own sheet when it takes over: rasterizing it
  // made the first frame late whenever it arrived before that frame (docs/performance.md), and it
  // is decoration.
  const firstFrameTheme = theme && { ...theme, assets: { ...theme.assets, background: undefined } };
  const documentCss = [baseTokens, appStyles, themeLayoutStyles]
    .map((style: CSSResult) => style.cssText)
    .concat(firstFrameTheme ? [themeCss(firstFrameTheme)] : [])
    .join('\n');
  // Pack values are checked data, but nothing may end the <style> early whatever a pack holds.
  if (/<\/style/i.test(documentCss)) throw new Error("A theme pack's CSS would end its <style>");
  const elementStyles = [...markup.matchAll(/<style>([^<]*)<\/style>/g)].map((match) => match[1]!);
  return {
    title,
    head: `<style>${documentCss}</style>`,
    body: markup,
    styleHashes: [...new Set([documentCss, ...elementStyles])].map(sha256Source),
  };
}
