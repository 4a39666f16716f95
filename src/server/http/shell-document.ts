/**
 * A whole page the server renders by itself in the hosted pages' frame (theme, language, the
 * tenant's name), with no script: the front door's own pages and the password portal.
 */
import type { TemplateResult } from 'lit';
import { html } from 'lit';
import { html as document, raw } from 'hono/html';
import { renderShellPage, type ShellInput } from './first-page.js';
import { pageCsp } from './security-headers.js';
import { translator } from '../../i18n/translator.js';

export interface RenderedPage {
  html: string;
  csp: string;
}

/**
 * The page of `step` in `shell`'s frame, titled in its language (by `title`, else by the step's
 * heading, as the app titles its pages), with its CSP.
 */
export function shellDocument(
  shell: ShellInput,
  title: ((t: ReturnType<typeof translator>) => string) | undefined,
  step: () => TemplateResult,
  formAction = "form-action 'self'",
): RenderedPage {
  const rendered = renderShellPage(shell, step);
  const t = translator(shell.locale, shell.overrides);
  const heading = title ? [title(t), shell.tenantName].join(' – ') : undefined;
  const text = document`<!doctype html>
<html lang="${shell.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${heading ?? raw(rendered.title)}</title>
${raw(rendered.head)}
</head>
<body>${raw(rendered.body)}</body>
</html>`;
  return {
    html: String(text),
    csp: pageCsp([], rendered.styleHashes).replace("form-action 'self'", formAction),
  };
}

/** The page's heading, which takes focus as the app's headings do. */
export const shellHeading = (text: string) =>
  html`<h1 class="gate-heading" tabindex="-1">${text}</h1>`;
