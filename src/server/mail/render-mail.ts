/**
 * One email as its recipient sees it: a plain-text part and an HTML part with the tenant's brand.
 * Every piece of text is escaped; colours and fonts come only from a parsed theme pack, whose
 * schema admits nothing but `#rrggbb` colours and checked font lists.
 */
import type { MailBrand } from './mail-brand.js';
import type { MailText } from './mail-text.js';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  /** The logo, referenced from the HTML as `cid:logo`. */
  attachments: { filename: string; contentType: string; content: Buffer; cid: string }[];
}

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => entities[char]!);
}

function plainText(text: MailText, brand: MailBrand): string {
  const blocks = [
    brand.name,
    text.heading,
    ...text.intro,
    ...(text.code ? [`    ${text.code}`] : []),
    ...text.outro,
    '--',
    text.footer,
    ...brand.footerLinks.map((link) => `${link.label}: ${link.href}`),
  ];
  return `${blocks.join('\n\n')}\n`;
}

function html(text: MailText, brand: MailBrand, locale: string): string {
  const c = brand.colours;
  const style = (rules: Record<string, string | undefined>) =>
    escapeHtml(
      Object.entries(rules)
        .filter(([, value]) => value !== undefined)
        .map(([property, value]) => `${property}:${value}`)
        .join(';'),
    );
  const font = brand.fontFamily ?? 'sans-serif';
  const paragraph = (content: string) =>
    `<p style="${style({ margin: '0 0 16px', 'line-height': '1.5' })}">${escapeHtml(content)}</p>`;
  const logo = brand.logo
    ? `<img src="cid:logo" alt="${escapeHtml(brand.name)}" height="48" style="${style({ display: 'block', border: '0', height: '48px' })}">`
    : `<strong style="${style({ 'font-size': '20px', color: c?.text })}">${escapeHtml(brand.name)}</strong>`;
  const code = text.code
    ? `<p style="${style({
        margin: '8px 0 24px',
        padding: '12px 16px',
        'font-size': '32px',
        'font-weight': '700',
        'letter-spacing': '6px',
        'font-family': "ui-monospace, 'Courier New', monospace",
        'text-align': 'center',
        background: c?.background,
        color: c?.text,
        'border-radius': brand.radius,
      })}">${escapeHtml(text.code)}</p>`
    : '';
  const links = brand.footerLinks
    .map(
      (link) =>
        `<a href="${escapeHtml(link.href)}" style="${style({ color: c?.textQuiet })}">${escapeHtml(link.label)}</a>`,
    )
    .join(' &middot; ');
  return `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(text.subject)}</title></head>
<body style="${style({ margin: '0', padding: '0', background: c?.background })}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="${style({ background: c?.background })}"><tr><td align="center" style="${style({ padding: '24px 12px' })}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="${style({ 'max-width': '560px', background: c?.surface, color: c?.text, 'font-family': font, 'border-radius': brand.radius, 'border-top': c ? `6px solid ${c.brand}` : undefined })}">
<tr><td style="${style({ padding: '24px 24px 8px' })}">${logo}</td></tr>
<tr><td style="${style({ padding: '8px 24px 8px', 'font-size': '16px' })}">
<h1 style="${style({ margin: '0 0 16px', 'font-size': '22px', color: c?.text })}">${escapeHtml(text.heading)}</h1>
${text.intro.map(paragraph).join('\n')}
${code}
${text.outro.map(paragraph).join('\n')}
</td></tr>
<tr><td style="${style({ padding: '8px 24px 24px', 'font-size': '13px', color: c?.textQuiet })}">${escapeHtml(text.footer)}${links ? `<br>${links}` : ''}</td></tr>
</table>
</td></tr></table>
</body>
</html>
`;
}

export function renderMail(text: MailText, brand: MailBrand, locale: string): RenderedMail {
  return {
    subject: text.subject,
    text: plainText(text, brand),
    html: html(text, brand, locale),
    attachments: brand.logo ? [{ ...brand.logo, cid: 'logo' }] : [],
  };
}
