import type { ApiError } from '../../src/api/client.js';

/**
 * A failure and the sentence the user reads for it, in the base English copy. Each page test lists
 * the failures its request can end in; the sentences are the same wherever they are shown.
 */
export type FailureCopy = readonly [ApiError, string];

export const invalidCredentials: FailureCopy = [
  { error: 'invalid_credentials' },
  'Your email address or password is incorrect.',
];

export const invalidRequest: FailureCopy = [
  { error: 'invalid_request' },
  'We could not accept what was sent. Check what you entered and try again.',
];

export const tenantNotFound: FailureCopy = [
  { error: 'tenant_not_found' },
  'This sign-in page does not exist. Check the address you followed.',
];

export const flowNotFound: FailureCopy = [
  { error: 'flow_not_found' },
  'This password reset has expired. Start again to get a new code.',
];

export const stepNotAllowed: FailureCopy = [
  { error: 'step_not_allowed' },
  'These steps were taken out of order. Start again.',
];

export const serviceUnavailable: FailureCopy = [
  { error: 'service_unavailable' },
  'The service is unavailable right now. Try again in a few minutes.',
];

/** `wait`: `retryAfter` in words, as the page says it ("1 minute"). */
export const tooManyRequests = (retryAfter: number, wait: string): FailureCopy => [
  { error: 'too_many_requests', retryAfter },
  `Too many attempts. Wait ${wait}, then try again.`,
];

/** A wrong or expired code with tries left; with none left, see `codeUsedUp`. */
export const codeRejected = (attemptsLeft: number): FailureCopy => [
  { error: 'code_rejected', attemptsLeft },
  `That code is wrong or has expired. Tries left: ${attemptsLeft}.`,
];

export const codeUsedUp: FailureCopy = [
  { error: 'code_rejected', attemptsLeft: 0 },
  'That code has expired or has been tried too often. Select Send new code to get a new one.',
];

/** What any request can end in without a well-formed error body from the server. */
export const transportFailures: readonly FailureCopy[] = [
  [{ error: 'network' }, "We couldn't reach the server. Check your connection and try again."],
  [{ error: 'timeout' }, 'The server took too long to answer. Try again.'],
  [
    { error: 'malformed_response' },
    'Something went wrong on our side. Try again in a few minutes.',
  ],
  [{ error: 'server_error' }, 'Something went wrong on our side. Try again in a few minutes.'],
];
