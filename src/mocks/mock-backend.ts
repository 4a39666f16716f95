/**
 * An in-memory implementation of the contract's rules, faithful enough that dev mode, previews
 * and component tests meet real behaviour: codes expire, tries run out, resends are throttled,
 * unknown addresses get the same answer, password rules hold, accounts lock.
 */
import {
  errorStatus,
  type ErrorBody,
  type PasswordProblem,
  type ResetStartResponse,
  type TenantConfig,
} from '../api/contract.js';
import { lengthProblems } from '../policy/password-rules.js';

export const codeLifetimeMs = 600_000;
export const codeTries = 5;
export const resendAfterSeconds = 30;
export const codesPerAddressPerHour = 10;
export const failuresBeforeLock = 10;
const lockBaseMs = 60_000;
const lockCapMs = 15 * 60_000;
const hourMs = 3_600_000;

/** A few of the most common passwords of at least 8 characters; the server ships a full list. */
const commonPasswords = new Set([
  'password',
  'password1',
  '12345678',
  '123456789',
  '1234567890',
  'qwertyuiop',
  'iloveyou',
  'passwordpassword',
  '123456789012345',
  'qwertyuiopasdfg',
]);

export interface MockUser {
  email: string;
  password: string;
}

export interface MockTenant {
  config: TenantConfig;
  users: MockUser[];
}

export interface MockMail {
  to: string;
  tenant: string;
  kind: 'verification-code' | 'password-changed';
  code?: string;
}

export interface MockBackendOptions {
  tenants: MockTenant[];
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

interface Account {
  email: string;
  password: string;
  failures: number;
  locks: number;
  lockedUntil: number;
}

interface ResetFlow {
  tenant: string;
  email: string;
  account: Account | undefined;
  code: string | undefined;
  codeExpiresAt: number;
  triesLeft: number;
  lastSentAt: number;
  verified: boolean;
}

/** Addresses differ only in case, width and surrounding space share one account and one counter. */
export function normaliseEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}

function randomDigits(length: number): string {
  const digits: number[] = [];
  const buffer = new Uint8Array(1);
  while (digits.length < length) {
    crypto.getRandomValues(buffer);
    // Reject 250-255 so that every digit is equally likely.
    if (buffer[0]! < 250) digits.push(buffer[0]! % 10);
  }
  return digits.join('');
}

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

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

  readonly #tenants = new Map<string, { config: TenantConfig; accounts: Map<string, Account> }>();
  readonly #flows = new Map<string, ResetFlow>();
  readonly #sends = new Map<string, number[]>();
  readonly #now: () => number;
  readonly #codeLifetimeMs: number;
  readonly #allLocked: boolean;
  readonly #onMail: ((mail: MockMail) => void) | undefined;

  constructor(options: MockBackendOptions) {
    this.#now = options.now ?? Date.now;
    this.#codeLifetimeMs = options.codeLifetimeMs ?? codeLifetimeMs;
    this.#allLocked = options.allLocked ?? false;
    this.#onMail = options.onMail;
    for (const { config, users } of options.tenants) {
      const accounts = new Map<string, Account>();
      for (const user of users) {
        const email = normaliseEmail(user.email);
        accounts.set(email, {
          email,
          password: user.password,
          failures: 0,
          locks: 0,
          lockedUntil: 0,
        });
      }
      this.#tenants.set(config.tenant, { config, accounts });
    }
  }

  /** The code of the newest verification email to an address, as a user would read it. */
  latestCode(email: string): string | undefined {
    const to = normaliseEmail(email);
    return this.outbox.findLast((mail) => mail.to === to && mail.code)?.code;
  }

  config(tenant: string): MockAnswer {
    const found = this.#tenants.get(tenant);
    return found ? ok(found.config) : fail({ error: 'tenant_not_found' });
  }

  signIn(tenant: string, identifier: string, password: string): MockAnswer {
    const found = this.#tenants.get(tenant);
    if (!found) return fail({ error: 'tenant_not_found' });
    const account = found.accounts.get(normaliseEmail(identifier));
    const now = this.#now();
    // Unknown, locked and wrong all get the same answer (SECURITY.md rule 14).
    if (!account || this.#allLocked || account.lockedUntil > now) {
      return fail({ error: 'invalid_credentials' });
    }
    if (account.password !== password) {
      account.failures += 1;
      if (account.failures >= failuresBeforeLock) {
        account.locks += 1;
        account.failures = 0;
        account.lockedUntil = now + Math.min(lockBaseMs * 2 ** (account.locks - 1), lockCapMs);
      }
      return fail({ error: 'invalid_credentials' });
    }
    account.failures = 0;
    return ok({ status: 'signed-in' });
  }

  startReset(tenant: string, email: string): MockAnswer {
    const found = this.#tenants.get(tenant);
    if (!found) return fail({ error: 'tenant_not_found' });
    const address = normaliseEmail(email);
    const flowId = randomId();
    const flow: ResetFlow = {
      tenant,
      email: address,
      account: found.accounts.get(address),
      code: undefined,
      codeExpiresAt: 0,
      triesLeft: codeTries,
      lastSentAt: this.#now(),
      verified: false,
    };
    this.#flows.set(flowId, flow);
    this.#sendCode(flow);
    const body: ResetStartResponse = { flowId, resendAfter: resendAfterSeconds };
    return ok(body, 202);
  }

  resend(tenant: string, flowId: string): MockAnswer {
    const flow = this.#flow(tenant, flowId);
    if (!flow) return fail({ error: 'flow_not_found' });
    const now = this.#now();
    const wait = Math.ceil((flow.lastSentAt + resendAfterSeconds * 1000 - now) / 1000);
    if (wait > 0) return fail({ error: 'too_many_requests', retryAfter: wait });
    flow.lastSentAt = now;
    this.#sendCode(flow);
    return ok({ resendAfter: resendAfterSeconds }, 202);
  }

  verify(tenant: string, flowId: string, code: string): MockAnswer {
    const flow = this.#flow(tenant, flowId);
    if (!flow) return fail({ error: 'flow_not_found' });
    if (flow.verified) return fail({ error: 'code_rejected', attemptsLeft: 0 });
    const alive = flow.triesLeft > 0 && this.#now() < flow.codeExpiresAt;
    if (alive && flow.code !== undefined && flow.code === code) {
      flow.verified = true;
      flow.code = undefined;
      return ok({ status: 'verified' });
    }
    // Unknown addresses have no code but lose tries all the same, so both look alike.
    flow.triesLeft = alive ? flow.triesLeft - 1 : 0;
    return fail({ error: 'code_rejected', attemptsLeft: flow.triesLeft });
  }

  setPassword(tenant: string, flowId: string, password: string): MockAnswer {
    const flow = this.#flow(tenant, flowId);
    if (!flow) return fail({ error: 'flow_not_found' });
    if (!flow.verified || !flow.account) return fail({ error: 'step_not_allowed' });
    const config = this.#tenants.get(tenant)!.config;
    const reasons = this.#passwordProblems(password, flow.email, config);
    if (reasons.length > 0) return fail({ error: 'password_rejected', reasons });
    flow.account.password = password;
    flow.account.lockedUntil = 0;
    flow.account.failures = 0;
    this.#flows.delete(flowId);
    this.#mail({ to: flow.email, tenant, kind: 'password-changed' });
    return ok({ status: 'password-changed' });
  }

  #flow(tenant: string, flowId: string): ResetFlow | undefined {
    const flow = this.#flows.get(flowId);
    return flow?.tenant === tenant ? flow : undefined;
  }

  #sendCode(flow: ResetFlow) {
    const now = this.#now();
    flow.code = undefined;
    flow.triesLeft = codeTries;
    flow.codeExpiresAt = now + this.#codeLifetimeMs;
    if (!flow.account) return;
    const recent = (this.#sends.get(flow.email) ?? []).filter((at) => at > now - hourMs);
    if (recent.length >= codesPerAddressPerHour) return;
    this.#sends.set(flow.email, [...recent, now]);
    flow.code = randomDigits(6);
    this.#mail({ to: flow.email, tenant: flow.tenant, kind: 'verification-code', code: flow.code });
  }

  #passwordProblems(password: string, email: string, config: TenantConfig): PasswordProblem[] {
    const length = lengthProblems(password, config.passwordRules);
    if (length.length > 0) return length;
    const folded = password.normalize('NFKC').toLowerCase();
    if (commonPasswords.has(folded)) return ['common'];
    const localPart = email.split('@')[0] ?? '';
    const context = [email, localPart, config.tenant, config.displayName.toLowerCase()];
    return context.some((word) => word.length >= 3 && folded.includes(word)) ? ['context'] : [];
  }

  #mail(mail: MockMail) {
    this.outbox.push(mail);
    this.#onMail?.(mail);
  }
}
