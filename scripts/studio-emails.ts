/**
 * The studio's email preview: the three messages a user can get (a verification code, "contact
 * your administrator", "password changed") for a tenant, in every language, rendered by the
 * server's own mail code with the pack being edited, its logo as the PNG that emails carry.
 * Nothing is sent.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { resolvedThemeSchema } from '../src/theme/resolved-theme.schema.js';
import { themeLocales } from '../src/theme/theme-text.schema.js';
import {
  previewMailKinds,
  type EmailPreviewRequest,
  type PreviewEmail,
  type PreviewMailKind,
} from '../src/studio/email-preview.js';
import { brandFromTheme, type MailBrand } from '../src/server/mail/mail-brand.js';
import { mailText, type MailContent } from '../src/server/mail/mailer.js';
import { renderMail } from '../src/server/mail/render-mail.js';
import { loadTenants } from '../src/server/tenants.js';
import { mailLogoPng } from './mail-logo.js';
import { shippedThemesDir } from './theme-packs.js';

function sampleContent(kind: PreviewMailKind, now: number): MailContent {
  switch (kind) {
    case 'verification-code':
      return { kind, purpose: 'reset', code: '428617', validMinutes: 10, expiresAt: now + 600_000 };
    case 'reset-not-allowed':
      return { kind };
    case 'password-changed':
      return { kind, changedAt: now };
  }
}

export async function previewEmails(
  root: string,
  request: EmailPreviewRequest,
): Promise<{ emails: PreviewEmail[] } | { errors: string[] }> {
  const parsed = resolvedThemeSchema.safeParse(request.theme);
  if (!parsed.success) return { errors: ['not a resolved theme pack'] };
  const theme = parsed.data;
  const tenant = (await loadTenants(join(root, 'tenants'))).get(request.tenant);
  if (!tenant) return { errors: [`no tenant "${request.tenant}" in tenants/`] };
  let logo: MailBrand['logo'];
  if (theme.assets.bannerLogo) {
    const [pack, ...rest] = theme.assets.bannerLogo.split('/');
    const owner = pack === theme.id && request.assetsFrom ? request.assetsFrom : pack!;
    const file = join(root, shippedThemesDir, owner, ...rest);
    const svgOrPng =
      typeof request.bannerLogo === 'string'
        ? Buffer.from(request.bannerLogo, 'base64')
        : await readFile(file);
    const content = Buffer.from(await mailLogoPng(svgOrPng));
    logo = { filename: 'logo.png', contentType: 'image/png', content };
  }
  const now = Date.now();
  const emails = themeLocales.flatMap((locale) => {
    const brand = brandFromTheme(theme, theme.id, tenant.displayName, logo, locale);
    return previewMailKinds.map((kind) => {
      const mail = renderMail(
        mailText({ tenant, locale, content: sampleContent(kind, now) }),
        brand,
        locale,
      );
      const inline = logo && `data:image/png;base64,${logo.content.toString('base64')}`;
      return {
        locale,
        kind,
        subject: mail.subject,
        html: inline ? mail.html.replaceAll('cid:logo', inline) : mail.html,
        text: mail.text,
      };
    });
  });
  return { emails };
}
