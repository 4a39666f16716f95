/**
 * The words of every email, as messages with ids (`mail_*` in locales/*.xlf). Each function takes
 * the `msg` of the recipient's locale (see translate.ts). Plain text only: the renderer escapes it.
 */
import { str, type MsgFn } from '@lit/localize';
import type { SupportedLocale } from '../../i18n/negotiate-locale.js';

export interface MailText {
  subject: string;
  heading: string;
  /** Paragraphs before the code (or the only ones, without a code). */
  intro: string[];
  /** The verification code, shown large on its own. */
  code?: string;
  /** Paragraphs after the code. */
  outro: string[];
  footer: string;
}

export type CodePurpose = 'reset' | 'confirm';

export function mailFooter(msg: MsgFn, tenant: string) {
  return msg(str`Sent by ${tenant}. Replies to this address are not read.`, {
    id: 'mail_footer',
  });
}

export function verificationCodeText(
  msg: MsgFn,
  /** `validFor`: the code's lifetime in words, e.g. "10 minutes" (see formatDuration). */
  values: { tenant: string; code: string; purpose: CodePurpose; validFor: string },
): MailText {
  const { tenant, code, purpose, validFor } = values;
  return {
    subject: msg(str`Your ${tenant} verification code`, { id: 'mail_code_subject' }),
    heading: msg('Your verification code', { id: 'mail_code_heading' }),
    intro: [
      purpose === 'reset'
        ? msg(str`Use this code to reset the password of your ${tenant} account:`, {
            id: 'mail_code_intro_reset',
          })
        : msg(
            str`Use this code to confirm that this is still the email address of your ${tenant} account:`,
            { id: 'mail_code_intro_confirm' },
          ),
    ],
    code,
    outro: [
      msg(
        str`The code is valid for ${validFor}. Never share it with anyone: ${tenant} will never ask you for it.`,
        { id: 'mail_code_expiry', desc: 'The lifetime is in words, e.g. "10 minutes".' },
      ),
      msg(
        'If you did not ask for this code, you can ignore this email; nothing changes on your account.',
        { id: 'mail_code_ignore' },
      ),
    ],
    footer: mailFooter(msg, tenant),
  };
}

/** For an account that may not reset its password here (docs/security.md#rule-12). */
export function resetNotAllowedText(msg: MsgFn, values: { tenant: string }): MailText {
  const { tenant } = values;
  return {
    subject: msg(str`Password reset for your ${tenant} account`, { id: 'mail_notice_subject' }),
    heading: msg("You can't reset your password yourself", { id: 'mail_notice_heading' }),
    intro: [
      msg(
        str`Someone, probably you, asked on the ${tenant} sign-in page to reset the password of your account. Your account's password cannot be reset there: contact your administrator for help.`,
        { id: 'mail_notice_body' },
      ),
      msg("If this wasn't you, you can ignore this email. Nothing has changed.", {
        id: 'mail_notice_ignore',
      }),
    ],
    outro: [],
    footer: mailFooter(msg, tenant),
  };
}

/**
 * When something happened, in the tenant's time zone (UTC unless it names one), written as the
 * locale writes a date and a time, with the zone's name.
 */
function moment(at: number, locale: SupportedLocale, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(at);
}

/** After a reset (docs/security.md#rule-22). */
export function passwordChangedText(
  msg: MsgFn,
  values: {
    tenant: string;
    changedAt: number;
    locale: SupportedLocale;
    timeZone: string | undefined;
  },
): MailText {
  const { tenant } = values;
  const when = moment(values.changedAt, values.locale, values.timeZone);
  // An email has no "here": it names the link, in the words (and overrides) of the page.
  const resetLink = msg("Can't access your account?", { id: 'forgotpassword_link' });
  return {
    subject: msg(str`Your ${tenant} password was changed`, { id: 'mail_changed_subject' }),
    heading: msg('Your password was changed', { id: 'mail_changed_heading' }),
    intro: [
      msg(
        str`The password of your ${tenant} account was changed on ${when}. You have been signed out everywhere; sign in again with your new password.`,
        { id: 'mail_changed_body' },
      ),
      msg(
        str`If you did not change it, reset your password now: on the ${tenant} sign-in page, choose “${resetLink}”. Then contact your administrator.`,
        {
          id: 'mail_changed_warning',
          desc: 'The second value is the sign-in page’s reset link, as the page words it.',
        },
      ),
    ],
    outro: [],
    footer: mailFooter(msg, tenant),
  };
}
