import { expect } from '@open-wc/testing';
import { errorStatus, passwordProblems, type ErrorCode } from '../../src/api/contract.schema.js';
import { failureMessage, passwordProblemMessage } from '../../src/i18n/failure-message.js';
import type { Failure } from '../../src/flow/flow-state.js';

/**
 * One of each failure the client or the router can report; the type makes a new variant fail to
 * compile here.
 */
const failures = {
  invalid_request: { error: 'invalid_request' },
  unsupported_media_type: { error: 'unsupported_media_type' },
  payload_too_large: { error: 'payload_too_large' },
  invalid_credentials: { error: 'invalid_credentials' },
  code_rejected: { error: 'code_rejected', attemptsLeft: 3 },
  password_rejected: { error: 'password_rejected', reasons: ['common'] },
  flow_not_found: { error: 'flow_not_found' },
  step_not_allowed: { error: 'step_not_allowed' },
  tenant_not_found: { error: 'tenant_not_found' },
  not_found: { error: 'not_found' },
  method_not_allowed: { error: 'method_not_allowed' },
  forbidden: { error: 'forbidden' },
  too_many_requests: { error: 'too_many_requests', retryAfter: 42 },
  service_unavailable: { error: 'service_unavailable' },
  network: { error: 'network' },
  timeout: { error: 'timeout' },
  malformed_response: { error: 'malformed_response' },
  server_error: { error: 'server_error' },
  session_required: { error: 'session_required' },
  page_not_found: { error: 'page_not_found' },
  redirect_not_allowed: { error: 'redirect_not_allowed' },
} as const satisfies { [E in Failure['error']]: Extract<Failure, { error: E }> };

const variants = Object.values(failures) as Failure[];

/** Words that would tell a stranger whether an address has an account (docs/security.md#rule-14). */
const enumerationHints = [
  'account',
  'exist',
  'found',
  'unknown',
  'locked',
  'registered',
  'no user',
] as const;

describe('i18n/failure-message', () => {
  it('covers every contract error code', () => {
    const contractCodes = Object.keys(errorStatus) as ErrorCode[];
    expect(contractCodes.every((code) => code in failures)).to.equal(true);
  });

  for (const failure of variants) {
    it(`names ${JSON.stringify(failure)} in a sentence`, () => {
      const message = failureMessage(failure);
      expect(message.trim()).to.not.equal('');
      expect(message).to.match(/[.!?]$/);
      expect(message).to.not.match(/<|undefined|NaN|\[object/);
    });
  }

  for (const attemptsLeft of [1, 3, 4] as const) {
    it(`counts ${attemptsLeft} tries left on a rejected code`, () => {
      const message = failureMessage({ error: 'code_rejected', attemptsLeft });
      expect(message).to.contain(String(attemptsLeft));
      expect(message).to.not.contain('Send new code');
    });
  }

  it('says to send a new code once no tries are left', () => {
    const message = failureMessage({ error: 'code_rejected', attemptsLeft: 0 });
    expect(message).to.contain('Send new code');
    expect(message).to.not.match(/\d/);
  });

  for (const [retryAfter, wait] of [
    [1, '1 second'],
    [42, '42 seconds'],
    [59, '59 seconds'],
    [60, '1 minute'],
    [61, '2 minutes'],
    [900, '15 minutes'],
    [3600, '1 hour'],
    [3601, '2 hours'],
  ] as const) {
    it(`tells how long to wait, rounded up (${retryAfter} s: ${wait})`, () => {
      const message = failureMessage({ error: 'too_many_requests', retryAfter });
      expect(message).to.equal(`Too many attempts. Wait ${wait}, then try again.`);
    });
  }

  it('gives one sign-in message that does not hint whether the account exists', () => {
    const message = failureMessage({ error: 'invalid_credentials' });
    // Names both fields, so it cannot say which one was wrong.
    expect(message).to.contain('email').and.to.contain('password');
    for (const hint of enumerationHints) expect(message.toLowerCase()).to.not.contain(hint);
  });

  it('refuses an unsupported type and an oversized body with one message of their own', () => {
    const unsupported = failureMessage({ error: 'unsupported_media_type' });
    expect(failureMessage({ error: 'payload_too_large' })).to.equal(unsupported);
    expect(unsupported).to.not.equal(failureMessage({ error: 'invalid_request' }));
    expect(unsupported).to.not.equal(failureMessage({ error: 'server_error' }));
  });

  it('tells a missing page apart from a missing tenant and an untrusted return address', () => {
    const page = failureMessage({ error: 'page_not_found' });
    const tenant = failureMessage({ error: 'tenant_not_found' });
    const redirect = failureMessage({ error: 'redirect_not_allowed' });
    expect(new Set([page, tenant, redirect]).size).to.equal(3);
  });

  it('never repeats the address it refused to return to', () => {
    const message = failureMessage({ error: 'redirect_not_allowed' });
    expect(message).to.not.match(/https?:|\/\//);
  });

  it('tells transport failures apart from server faults', () => {
    const network = failureMessage({ error: 'network' });
    const timeout = failureMessage({ error: 'timeout' });
    const server = failureMessage({ error: 'server_error' });
    expect(new Set([network, timeout, server]).size).to.equal(3);
    expect(failureMessage({ error: 'malformed_response' })).to.equal(server);
  });

  describe('passwordProblemMessage', () => {
    for (const problem of passwordProblems) {
      it(`names ${problem} in a sentence`, () => {
        const message = passwordProblemMessage(problem, 15);
        expect(message.trim()).to.not.equal('');
        expect(message).to.match(/\.$/);
      });
    }

    for (const minLength of [8, 15] as const) {
      it(`states the minimum of ${minLength}`, () => {
        expect(passwordProblemMessage('too_short', minLength)).to.contain(
          `${minLength} characters`,
        );
      });
    }

    it('states the maximum of 128', () => {
      expect(passwordProblemMessage('too_long', 15)).to.contain('128');
    });
  });
});
