/**
 * An in-memory implementation of the contract's rules, faithful enough that dev mode, previews
 * and component tests meet real behaviour: codes expire, tries run out, sends are throttled,
 * unknown addresses and users who may not reset get the same answer as everyone else, password
 * rules hold, accounts lock, and recovery emails must be reconfirmed when the tenant says so.
 */
import type { DemoTenant } from '../demo/demo-tenants.js';
import {
  errorStatus,
  type ErrorBody,
  type ResetStartRequest,
  type ResetStartResponse,
} from '../api/contract.schema.js';
import { mockAccounts, type Account } from './mock-accounts.js';
import { normaliseEmail } from '../rules/email-address.js';
import { dayMs, defaultLimits, hourMs } from '../rules/limits.js';
import { mockPasswordProblems, randomDigits, randomId } from './mock-secrets.js';
import { MockSessions, sessionCookie } from './mock-sessions.js';
import { publicTenantConfig } from '../app/public-tenant-config.js';
import type { Tenant } from '../tenant/tenant.schema.js';

// The mock keeps the server's limits (rules/limits.ts); its tests read them here by name.
export const { codeLifetimeMs, codeTries, codesPerAddressPerHour } = defaultLimits;
export const resendAfterSeconds = defaultLimits.resendAfterMs / 1000;
export const failedCodesPerDay = defaultLimits.failedCodesPerAccountPerDay;
export const failuresBeforeLock = defaultLimits.signInFailuresBeforeLock;
const { lockBaseMs, lockCapMs } = defaultLimits;

export interface MockMail {
  to: string;
  tenant: string;
  kind: 'verification-code' | 'reset-not-allowed' | 'password-changed';
  code?: string;
}

export interface MockBackendOptions {
  tenants: DemoTenant[];
  now?: () => number;
  /** How long a code lives; the `code-expired` scenario sets 0. */
  codeLifetimeMs?: number;
  /** Every account is locked (the `locked-account` scenario). */
  allLocked?: boolean;
  /** Called for each message sent, e.g. to print the code in dev mode. */
  onMail?: (mail: MockMail) => void;
}

export interface MockAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A reset flow, or the reconfirmation of a recovery email during sign-in. */
interface CodeFlow {
  kind: 'reset' | 'confirm' | 'register';
  tenant: string;
  email: string;
  account: Account | undefined;
  /** Reset only: the account may reset (tenant switch and group); else a notice is mailed. */
  mayReset: boolean;
  code: string | undefined;
  codeExpiresAt: number;
  triesLeft: number;
  lastSentAt: number | undefined;
  verified: boolean;
}

export { normaliseEmail };

const ok = (body: unknown, status = 200): MockAnswer => ({ status, body });
const fail = (body: ErrorBody): MockAnswer => ({
  status: errorStatus[body.error],
  body,
  ...(body.error === 'too_many_requests'
    ? { headers: { 'retry-after': String(body.retryAfter) } }
    : {}),
});

export class MockBackend {
  /** Every message "sent", newest last: the dev outbox. */
  readonly outbox: MockMail[] = [];

  readonly #tenants = new Map<string, { tenant: Tenant; accounts: Map<string, Account> }>();
  readonly #flows = new Map<string, CodeFlow>();
  readonly #sessions = new MockSessions<Account>();
  readonly #sends = new Map<string, number[]>();
  readonly #codeFailures = new Map<string, number[]>();
  readonly #now: () => number;
  readonly #codeLifetimeMs: number;
  readonly #allLocked: boolean;
  readonly #onMail: ((mail: MockMail) => void) | undefined;

  constructor(options: MockBackendOptions) {
    this.#now = options.now ?? Date.now;
    this.#codeLifetimeMs = options.codeLifetimeMs ?? codeLifetimeMs;
    this.#allLocked = options.allLocked ?? false;
    this.#onMail = options.onMail;
    const now = this.#now();
    for (const { tenant, users } of options.tenants) {
      this.#tenants.set(tenant.id, { tenant, accounts: mockAccounts(users, now) });
    }
  }

  /** The code of the newest verification email to an address, as a user would read it. */
  latestCode(email: string): string | undefined {
    const to = normaliseEmail(email);
    return this.outbox.findLast((mail) => mail.to === to && mail.code)?.code;
  }

  config(tenantId: string): MockAnswer {
    const found = this.#tenants.get(tenantId);
    return found ? ok(publicTenantConfig(found.tenant)) : fail({ error: 'tenant_not_found' });
  }

  signIn(tenantId: string, identifier: string, password: string): MockAnswer {
    const found = this.#tenants.get(tenantId);
    if (!found) return fail({ error: 'tenant_not_found' });
    const account = found.accounts.get(normaliseEmail(identifier));
    // Unknown, locked and wrong all get the same answer (docs/security.md#rule-14).
    if (!account || !this.#judge(account, password)) return fail({ error: 'invalid_credentials' });
    const days = found.tenant.reconfirmEmailAfterDays;
    const register = !!found.tenant.requireRecoveryRegistration && !account.emailConfirmedAt;
    if (register || (days > 0 && this.#now() - (account.emailConfirmedAt ?? 0) > days * dayMs)) {
      // A username account registers its recovery email; an email account confirms its own.
      const kind = register && found.tenant.signInName === 'username' ? 'register' : 'confirm';
      const to = kind === 'register' ? '' : account.recovery;
      const flowId = this.#newFlow({ kind, tenant: tenantId, account, mayReset: false }, to);
      return ok(
        to ? { status: 'confirm-email', flowId, email: to } : { status: 'register-email', flowId },
      );
    }
    return this.#signedIn(tenantId, account, ok({ status: 'signed-in' }));
  }

  /** Who the session cookie `sessionId` signs in to the tenant, if anyone. */
  session(tenantId: string, sessionId: string | undefined): MockAnswer {
    if (!this.#tenants.has(tenantId)) return fail({ error: 'tenant_not_found' });
    const account = this.#sessions.find(tenantId, sessionId);
    return ok(account ? { signedIn: true, email: account.email } : { signedIn: false });
  }

  signOut(tenantId: string, sessionId: string | undefined): MockAnswer {
    if (!this.#tenants.has(tenantId)) return fail({ error: 'tenant_not_found' });
    this.#sessions.end(sessionId);
    return { ...ok({ status: 'signed-out' }), headers: { 'set-cookie': sessionCookie('', 0) } };
  }

  /** A wrong current password counts toward the lock, as at sign-in. */
  changePassword(
    tenantId: string,
    sessionId: string | undefined,
    { currentPassword, password }: { currentPassword: string; password: string },
  ): MockAnswer {
    const found = this.#tenants.get(tenantId);
    if (!found) return fail({ error: 'tenant_not_found' });
    const account = this.#sessions.find(tenantId, sessionId);
    if (!account) return fail({ error: 'session_required' });
    if (!this.#judge(account, currentPassword)) return fail({ error: 'invalid_credentials' });
    const reasons = mockPasswordProblems(password, account.email, found.tenant);
    if (reasons.length > 0) return fail({ error: 'password_rejected', reasons });
    account.password = password;
    this.#mail({ to: account.recovery, tenant: tenantId, kind: 'password-changed' });
    // Every session of the account ends; this browser goes on with a new one.
    this.#sessions.endAllOf(account);
    return this.#signedIn(tenantId, account, ok({ status: 'password-changed' }));
  }

  /** A username tenant takes the username, whose code goes to a verified recovery email. */
  startReset(tenantId: string, body: ResetStartRequest): MockAnswer {
    const found = this.#tenants.get(tenantId);
    if (!found) return fail({ error: 'tenant_not_found' });
    const usernames = found.tenant.signInName === 'username';
    if ('username' in body !== usernames) return fail({ error: 'invalid_request' });
    const name = 'username' in body ? body.username : body.email;
    const named = found.accounts.get(normaliseEmail(name));
    const account = usernames && named?.emailConfirmedAt === null ? undefined : named;
    const reset = found.tenant.selfServiceReset;
    const mayReset =
      reset.enabled === 'all' ||
      (reset.enabled === 'selected' && (account?.groups.includes(reset.group) ?? false));
    const flowId = this.#newFlow(
      { kind: 'reset', tenant: tenantId, account, mayReset },
      account?.recovery ?? name,
    );
    this.#send(this.#flows.get(flowId)!);
    return ok({ flowId, resendAfter: resendAfterSeconds } satisfies ResetStartResponse, 202);
  }

  resetStatus(tenantId: string, flowId: string): MockAnswer {
    const flow = this.#flow('reset', tenantId, flowId);
    if (!flow) return fail({ error: 'flow_not_found' });
    return ok({ verified: flow.verified, resendAfter: this.#resendWait(flow) });
  }

  resend(tenantId: string, flowId: string): MockAnswer {
    return this.#sendAgain(this.#flow('reset', tenantId, flowId));
  }

  verify(tenantId: string, flowId: string, code: string): MockAnswer {
    const flow = this.#flow('reset', tenantId, flowId);
    if (!flow) return fail({ error: 'flow_not_found' });
    return this.#check(flow, code) ?? ok({ status: 'verified' });
  }

  setPassword(tenantId: string, flowId: string, password: string): MockAnswer {
    const flow = this.#flow('reset', tenantId, flowId);
    if (!flow) return fail({ error: 'flow_not_found' });
    if (!flow.verified || !flow.account) return fail({ error: 'step_not_allowed' });
    const tenant = this.#tenants.get(tenantId)!.tenant;
    const reasons = mockPasswordProblems(password, flow.email, tenant);
    if (reasons.length > 0) return fail({ error: 'password_rejected', reasons });
    Object.assign(flow.account, { password, lockedUntil: 0, failures: 0 });
    // Proving control of the address also confirms it as the recovery email.
    flow.account.emailConfirmedAt = this.#now();
    this.#flows.delete(flowId);
    // A reset ends the account's sessions.
    this.#sessions.endAllOf(flow.account);
    this.#mail({ to: flow.email, tenant: tenantId, kind: 'password-changed' });
    return ok({ status: 'password-changed' });
  }

  /** Registrations use these endpoints too: they name the address; a new one ends the old code. */
  sendConfirmation(tenantId: string, flowId: string, { email }: { email?: string } = {}) {
    const flow = this.#flow('confirm', tenantId, flowId);
    if (flow && (flow.kind === 'register') !== (email !== undefined)) {
      return fail({ error: 'invalid_request' });
    }
    if (flow && email && !flow.verified) {
      Object.assign(flow, { email: normaliseEmail(email), code: undefined });
    }
    return this.#sendAgain(flow);
  }

  verifyConfirmation(tenantId: string, flowId: string, code: string): MockAnswer {
    const flow = this.#flow('confirm', tenantId, flowId);
    if (!flow) return fail({ error: 'flow_not_found' });
    const refused = this.#check(flow, code);
    if (refused) return refused;
    flow.account!.emailConfirmedAt = this.#now();
    if (flow.kind === 'register') flow.account!.recovery = flow.email;
    this.#flows.delete(flowId);
    return this.#signedIn(tenantId, flow.account!, ok({ status: 'signed-in' }));
  }

  #newFlow(
    flow: Pick<CodeFlow, 'kind' | 'tenant' | 'account' | 'mayReset'>,
    email = flow.account?.recovery ?? '',
  ): string {
    const flowId = randomId();
    this.#flows.set(flowId, {
      ...flow,
      email: normaliseEmail(email),
      code: undefined,
      codeExpiresAt: 0,
      triesLeft: 0,
      lastSentAt: undefined,
      verified: false,
    });
    return flowId;
  }

  #flow(kind: CodeFlow['kind'], tenantId: string, flowId: string): CodeFlow | undefined {
    const flow = this.#flows.get(flowId);
    const kinds = kind === 'confirm' ? ['confirm', 'register'] : [kind];
    return flow && kinds.includes(flow.kind) && flow.tenant === tenantId ? flow : undefined;
  }

  #resendWait(flow: CodeFlow): number {
    if (flow.lastSentAt === undefined) return 0;
    return Math.max(
      0,
      Math.ceil((flow.lastSentAt + resendAfterSeconds * 1000 - this.#now()) / 1000),
    );
  }

  #sendAgain(flow: CodeFlow | undefined): MockAnswer {
    if (!flow) return fail({ error: 'flow_not_found' });
    if (flow.verified) return fail({ error: 'step_not_allowed' });
    const wait = this.#resendWait(flow);
    if (wait > 0) return fail({ error: 'too_many_requests', retryAfter: wait });
    this.#send(flow);
    return ok({ resendAfter: resendAfterSeconds }, 202);
  }

  /** A new code replaces every older one; unknown addresses and users who may not reset get none. */
  #send(flow: CodeFlow) {
    const now = this.#now();
    flow.lastSentAt = now;
    flow.code = undefined;
    flow.triesLeft = codeTries;
    flow.codeExpiresAt = now + this.#codeLifetimeMs;
    if (!flow.account) return;
    const recent = (this.#sends.get(flow.email) ?? []).filter((at) => at > now - hourMs);
    if (recent.length >= codesPerAddressPerHour) return;
    this.#sends.set(flow.email, [...recent, now]);
    if (flow.kind === 'reset' && !flow.mayReset) {
      this.#mail({ to: flow.email, tenant: flow.tenant, kind: 'reset-not-allowed' });
      return;
    }
    flow.code = randomDigits(6);
    this.#mail({ to: flow.email, tenant: flow.tenant, kind: 'verification-code', code: flow.code });
  }

  /** Undefined when the code is right; else the one answer for wrong, expired and used codes. */
  #check(flow: CodeFlow, code: string): MockAnswer | undefined {
    const now = this.#now();
    const failures = (this.#codeFailures.get(flow.email) ?? []).filter((at) => at > now - dayMs);
    if (flow.verified || failures.length >= failedCodesPerDay) {
      return fail({ error: 'code_rejected', attemptsLeft: 0 });
    }
    const alive = flow.triesLeft > 0 && now < flow.codeExpiresAt;
    if (alive && flow.code !== undefined && flow.code === code) {
      flow.verified = true;
      flow.code = undefined;
      return undefined;
    }
    // Unknown addresses have no code but lose tries all the same, so both look alike.
    flow.triesLeft = alive ? flow.triesLeft - 1 : 0;
    this.#codeFailures.set(flow.email, [...failures, now]);
    return fail({ error: 'code_rejected', attemptsLeft: flow.triesLeft });
  }

  /** `answer`, with the cookie of a new session of `account`. */
  #signedIn(tenant: string, account: Account, answer: MockAnswer): MockAnswer {
    return { ...answer, headers: { 'set-cookie': this.#sessions.start(tenant, account) } };
  }

  /** Right password and no lock; a wrong one counts toward the lock, which doubles up to its cap. */
  #judge(account: Account, password: string): boolean {
    const now = this.#now();
    if (this.#allLocked || account.lockedUntil > now) return false;
    if (account.password === password) {
      account.failures = 0;
      return true;
    }
    account.failures += 1;
    if (account.failures >= failuresBeforeLock) {
      account.locks += 1;
      account.failures = 0;
      account.lockedUntil = now + Math.min(lockBaseMs * 2 ** (account.locks - 1), lockCapMs);
    }
    return false;
  }

  #mail(mail: MockMail) {
    this.outbox.push(mail);
    this.#onMail?.(mail);
  }
}
