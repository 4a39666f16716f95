/**
 * The three emails that announce self-service reset (`admin rollout send`): before the rollout,
 * on launch day, and a reminder to users who have not confirmed their recovery email. Like every
 * email they are `msg(...)` calls with ids (`mail_rollout_*`), so a tenant overrides any of them
 * through textOverrides. They carry no link to sign in, on purpose: users should reach the
 * sign-in page they know, and learn that a real announcement never leads to a password field.
 */
import { str, type MsgFn } from '@lit/localize';
import { assertNever } from '../../flow/policy-steps.js';
import type { RolloutTemplate } from '../store/rollout-sends.js';
import { mailFooter, type MailText } from './mail-text.js';

export function rolloutText(
  msg: MsgFn,
  values: { tenant: string; template: RolloutTemplate },
): MailText {
  const { tenant, template } = values;
  // The page's own words for the way into the reset, overrides included.
  const resetLink = msg("Can't access your account?", { id: 'forgotpassword_link' });
  const noLinks = msg(
    str`On purpose, this email has no link to sign in: always go to the ${tenant} sign-in page you know. ${tenant} never asks for your password or a code by email or phone.`,
    { id: 'mail_rollout_no_links' },
  );
  const footer = mailFooter(msg, tenant);
  switch (template) {
    case 'coming-soon':
      return {
        subject: msg(str`Coming soon: reset your ${tenant} password yourself`, {
          id: 'mail_rollout_soon_subject',
        }),
        heading: msg('Soon you can reset your password yourself', {
          id: 'mail_rollout_soon_heading',
        }),
        intro: [
          msg(
            str`Soon, when you forget the password of your ${tenant} account or the account is locked, you will be able to reset it yourself, at any hour, without waiting for the help desk.`,
            { id: 'mail_rollout_soon_body' },
          ),
          msg(
            'You will prove that it is you with a code sent to this email address, so keep it one that you can read.',
            { id: 'mail_rollout_soon_address' },
          ),
          msg('We will write again on the day it is ready.', { id: 'mail_rollout_soon_next' }),
        ],
        outro: [noLinks],
        footer,
      };
    case 'available-now':
      return {
        subject: msg(str`You can now reset your ${tenant} password yourself`, {
          id: 'mail_rollout_now_subject',
        }),
        heading: msg('Password reset is here', { id: 'mail_rollout_now_heading' }),
        intro: [
          msg(
            str`From today, when you forget the password of your ${tenant} account or the account is locked, you can reset it yourself.`,
            { id: 'mail_rollout_now_body' },
          ),
          msg(
            str`On the ${tenant} sign-in page, choose “${resetLink}”, enter your email address and type the code that we send to it. Then choose a new password. It takes about a minute.`,
            {
              id: 'mail_rollout_now_steps',
              desc: 'The second value is the sign-in page’s reset link, as the page words it.',
            },
          ),
        ],
        outro: [noLinks],
        footer,
      };
    case 'reminder':
      return {
        subject: msg(str`Reminder: confirm your email address for ${tenant}`, {
          id: 'mail_rollout_reminder_subject',
        }),
        heading: msg('One step left before you can reset your password', {
          id: 'mail_rollout_reminder_heading',
        }),
        intro: [
          msg(
            str`You have not confirmed the email address of your ${tenant} account yet. Until you do, you cannot reset your password yourself when you need to.`,
            { id: 'mail_rollout_reminder_body' },
          ),
          msg(
            str`Sign in on the ${tenant} sign-in page: you will be asked for a code that we send to this address. Type it, and you are done.`,
            { id: 'mail_rollout_reminder_steps' },
          ),
        ],
        outro: [noLinks],
        footer,
      };
    default:
      return assertNever(template);
  }
}
