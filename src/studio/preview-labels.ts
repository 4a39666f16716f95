/** What the studio calls each step and state of the preview, in the studio's language. */
import { msg } from '@lit/localize';
import type { PreviewStateName, PreviewStep } from './preview-states.js';

function stepLabel(step: PreviewStep): string {
  switch (step) {
    case 'sign-in':
      return msg('Sign-in', { id: 'studio_step_sign_in' });
    case 'reset-email':
      return msg('Reset: email', { id: 'studio_step_reset_email' });
    case 'reset-code':
      return msg('Reset: code', { id: 'studio_step_reset_code' });
    case 'new-password':
      return msg('Reset: new password', { id: 'studio_step_new_password' });
    case 'reset-done':
      return msg('Reset: done', { id: 'studio_step_reset_done' });
    case 'reset-unavailable':
      return msg('Reset unavailable', { id: 'studio_step_reset_unavailable' });
  }
}

function stateLabel(state: PreviewStateName): string {
  switch (state) {
    case 'ready':
      return msg('as it opens', { id: 'studio_state_ready' });
    case 'wrong-password':
      return msg('wrong password', { id: 'studio_state_wrong_password' });
    case 'wrong-code':
      return msg('wrong code', { id: 'studio_state_wrong_code' });
    case 'expired-code':
      return msg('expired code', { id: 'studio_state_expired_code' });
    case 'password-rejected':
      return msg('password refused', { id: 'studio_state_password_rejected' });
    case 'throttled':
      return msg('throttled', { id: 'studio_state_throttled' });
    case 'server-down':
      return msg('server down', { id: 'studio_state_server_down' });
  }
}

/** `Reset: code: wrong code`. */
export const previewLabel = (step: PreviewStep, state: PreviewStateName) =>
  `${stepLabel(step)}: ${stateLabel(state)}`;
