import { msg, str } from '@lit/localize';
import type { PasswordProblem } from '../api/contract.schema.js';
import type { Failure } from '../flow/flow-state.js';
import { assertNever } from '../flow/policy-steps.js';
import { formatDuration } from './duration.js';
import { currentLocale } from './current-locale.js';

/** The sentence a customer reads for each failure, in the current locale. */
export function failureMessage(failure: Failure): string {
  switch (failure.error) {
    case 'invalid_request':
      return msg('We could not accept what was sent. Check what you entered and try again.', {
        id: 'error_invalid_request',
      });
    case 'unsupported_media_type':
    case 'payload_too_large':
      return msg('We could not accept what was sent. Try again, or use a different browser.', {
        id: 'error_request_refused',
      });
    case 'invalid_credentials':
      return msg('Your email address or password is incorrect.', {
        id: 'error_invalid_credentials',
        desc: 'Also shown for a locked or unknown account, so that nobody can tell which it was.',
      });
    case 'session_required':
      return msg('You have been signed out. Sign in again to continue.', {
        id: 'error_session_required',
      });
    case 'code_rejected':
      return failure.attemptsLeft > 0
        ? msg(str`That code is wrong or has expired. Tries left: ${failure.attemptsLeft}.`, {
            id: 'ver_fail_retry',
          })
        : msg(
            'That code has expired or has been tried too often. Select Send new code to get a new one.',
            {
              id: 'ver_fail_code_expired',
            },
          );
    case 'password_rejected':
      return msg('Choose a different password.', { id: 'error_password_rejected' });
    case 'flow_not_found':
      return msg('This password reset has expired. Start again to get a new code.', {
        id: 'error_flow_not_found',
      });
    case 'step_not_allowed':
      return msg('These steps were taken out of order. Start again.', {
        id: 'error_step_not_allowed',
      });
    case 'tenant_not_found':
      return msg('This sign-in page does not exist. Check the address you followed.', {
        id: 'error_tenant_not_found',
      });
    case 'forbidden':
      return msg(
        'This request came from a site that may not use this page. Open the page directly and try again.',
        {
          id: 'error_forbidden',
          desc: 'The page was used from inside another website that the organisation has not allowed.',
        },
      );
    case 'too_many_requests': {
      const wait = formatDuration(failure.retryAfter, currentLocale());
      return msg(str`Too many attempts. Wait ${wait}, then try again.`, {
        id: 'ver_fail_throttled',
        desc: 'The wait is in words, e.g. "42 seconds" or "1 minute".',
      });
    }
    case 'service_unavailable':
      return msg('The service is unavailable right now. Try again in a few minutes.', {
        id: 'error_service_unavailable',
      });
    case 'page_not_found':
      return msg('This page does not exist. Check the address you followed.', {
        id: 'error_page_not_found',
      });
    case 'redirect_not_allowed':
      return msg(
        'The site that sent you here asked us to return you to an address this sign-in page does not trust. To keep your account safe, you were not sent there. Go back to that site and try again.',
        { id: 'error_redirect_not_allowed' },
      );
    case 'network':
      return msg("We couldn't reach the server. Check your connection and try again.", {
        id: 'error_network',
      });
    case 'timeout':
      return msg('The server took too long to answer. Try again.', { id: 'error_timeout' });
    // A route or method the server does not know: this client and that server disagree.
    case 'not_found':
    case 'method_not_allowed':
    case 'malformed_response':
    case 'server_error':
      return msg('Something went wrong on our side. Try again in a few minutes.', {
        id: 'unknown_error',
      });
    default:
      return assertNever(failure);
  }
}

/** Why the password was refused, one sentence per reason, shown under the field. */
export function passwordProblemMessage(problem: PasswordProblem, minLength: number): string {
  switch (problem) {
    case 'too_short':
      return msg(str`Use at least ${minLength} characters.`, { id: 'password_too_short' });
    case 'too_long':
      return msg('Use at most 128 characters.', { id: 'password_too_long' });
    case 'common':
      return msg('This password is too common. Choose one that is harder to guess.', {
        id: 'password_common',
      });
    case 'context':
      return msg('Your password must not contain your email address or the name of this site.', {
        id: 'password_context',
      });
    default:
      return assertNever(problem);
  }
}
