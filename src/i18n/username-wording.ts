/**
 * A username tenant's wording (`signInName: "username"`): the messages that speak of the email
 * address a user signs in with say "username" instead, and the reset says where the code goes.
 * Laid over the pages' messages as tenant text (publicTenantConfig), beneath the tenant's own, so
 * that the sign-in page's first load carries none of it. Each takes the `msg` of one locale.
 */
import { str, type MsgFn } from '@lit/localize';
import type { MessageOverrides } from './override-templates.js';

export function usernameWording(msg: MsgFn): MessageOverrides {
  return {
    local_intro_email: msg('Sign in with your username.', { id: 'username_intro' }),
    logonIdentifier_email: msg('Username', { id: 'username_label' }),
    email: msg('Username', { id: 'username_label' }),
    email_pattern: msg('Enter your username (letters, digits, dots, dashes).', {
      id: 'username_pattern',
    }),
    reset_intro: msg(
      "Enter your username and we'll send a verification code to your recovery email.",
      { id: 'username_reset_intro' },
    ),
    setup_intro: msg(
      "Enter your username. We'll send a verification code to your recovery email, and then you choose your password.",
      { id: 'username_setup_intro' },
    ),
    // `{0}` is the override's placeholder for the username the page shows.
    ver_info_msg: msg(
      str`If ${'{0}'} has an account with a verified recovery email, we've sent a verification code to that address. Copy the code into the box below. It is valid for 10 minutes.`,
      { id: 'username_code_sent' },
    ),
    ver_but_edit: msg('Change username', { id: 'username_change' }),
    error_invalid_credentials: msg('Your username or password is incorrect.', {
      id: 'username_invalid_credentials',
      desc: 'Also shown for a locked or unknown account, so that nobody can tell which it was.',
    }),
  };
}
