/**
 * The words of every email, as messages with ids (`mail_*` in locales/*.xlf). Each function takes
 * the `msg` of the recipient's locale (see translate.ts). Plain text only: the renderer escapes it.
 */
import { str, type MsgFn } from '@lit/localize';

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

function footer(msg: MsgFn, tenant: string) {
  return msg(str`Sent by ${tenant}. Replies to this address are not read.`, {
    id: 'mail_footer',
  });
}

export function verificationCodeText(
  msg: MsgFn,
  values: { tenant: string; code: string; purpose: CodePurpose; minutes: number },
): MailText {
  const { tenant, code, purpose, minutes } = values;
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
        str`The code is valid for ${minutes} minutes. Never share it with anyone: ${tenant} will never ask you for it.`,
        { id: 'mail_code_expiry' },
      ),
      msg(
        'If you did not ask for this code, you can ignore this email; nothing changes on your account.',
        { id: 'mail_code_ignore' },
      ),
    ],
    footer: footer(msg, tenant),
  };
}

/** For an account that may not reset its password here (docs/security.md#rule-12). */
export function resetNotAllowedText(msg: MsgFn, values: { tenant: string }): MailText {
  const { tenant } = values;
  return {
    subject: msg(str`Password reset for your ${tenant} account`, { id: 'mail_notice_subject' }),
    heading: msg("You can't reset your password here", { id: 'mail_notice_heading' }),
    intro: [
      msg(
        str`Someone, probably you, asked to reset the password of your ${tenant} account. Your account cannot do that on this page. Contact your administrator for help.`,
        { id: 'mail_notice_body' },
      ),
      msg("If this wasn't you, you can ignore this email. Nothing has changed.", {
        id: 'mail_notice_ignore',
      }),
    ],
    outro: [],
    footer: footer(msg, tenant),
  };
}

/** After a reset (docs/security.md#rule-22); `when` is already formatted for the locale. */
export function passwordChangedText(
  msg: MsgFn,
  values: { tenant: string; when: string },
): MailText {
  const { tenant, when } = values;
  return {
    subject: msg(str`Your ${tenant} password was changed`, { id: 'mail_changed_subject' }),
    heading: msg('Your password was changed', { id: 'mail_changed_heading' }),
    intro: [
      msg(
        str`The password of your ${tenant} account was changed on ${when}. You have been signed out everywhere; sign in again with your new password.`,
        { id: 'mail_changed_body' },
      ),
      msg('If you did not change it, reset your password now and contact your administrator.', {
        id: 'mail_changed_warning',
      }),
    ],
    outro: [],
    footer: footer(msg, tenant),
  };
}
