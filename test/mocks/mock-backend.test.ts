import { expect } from '@open-wc/testing';
import {
  emailConfirmSendResponseSchema,
  emailConfirmVerifyResponseSchema,
  errorBodySchema,
  resetStartResponseSchema,
  resetStatusResponseSchema,
  signInResponseSchema,
  tenantConfigSchema,
  type PasswordProblem,
} from '../../src/api/contract.schema.js';
import { demoTenants } from '../../src/demo/demo-tenants.js';
import {
  codeLifetimeMs,
  codesPerAddressPerHour,
  codeTries,
  failedCodesPerDay,
  failuresBeforeLock,
  MockBackend,
  normaliseEmail,
  resendAfterSeconds,
  type MockAnswer,
  type MockMail,
} from '../../src/mocks/mock-backend.js';
import type { DemoTenant, DemoUser } from '../../src/demo/demo-tenants.js';
import {
  requireTenantFile,
  type SelfServiceReset,
  type Tenant,
} from '../../src/tenant/tenant.schema.js';

const ada = 'ada@contoso.example';
const adaPassword = 'correct horse battery staple';
const nobody = 'nobody@contoso.example';
const grace = 'Grace.Hopper@Northwind.example';
const gracePassword = 'nanoseconds';
const start = 1_700_000_000_000;
const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

/** A tenant as its file would describe it, checked by the tenant schema so that it stays real. */
function tenantFile(id: string, fields: Partial<Omit<Tenant, 'id'>> = {}): Tenant {
  return requireTenantFile(`tenants/${id}.json`, {
    id,
    displayName: id,
    theme: 'contoso',
    locales: ['en'],
    defaultLocale: 'en',
    selfServiceReset: { enabled: 'all' },
    reconfirmEmailAfterDays: 0,
    passwordRules: { minLength: 8 },
    redirectUris: [],
    embeddingOrigins: [],
    policies: [
      { id: 'B2C_1_signin', kind: 'sign-in', resetLink: true },
      { id: 'B2C_1_passwordreset', kind: 'password-reset' },
    ],
    ...fields,
  });
}

/** A tenant whose id and display name differ, with the lowest minimum a tenant may choose. */
const northwind: DemoTenant = {
  tenant: tenantFile('nw', { displayName: 'Northwind', passwordRules: { minLength: 8 } }),
  users: [{ email: grace, password: gracePassword }],
};

const invalidCredentials = { status: 401, body: { error: 'invalid_credentials' } } as const;

/** Ways of writing Ada's address that must reach her one account. */
const adaVariants = [
  'ADA@CONTOSO.EXAMPLE',
  'Ada@Contoso.Example',
  '  ada@contoso.example\t',
  'ａｄａ@ｃｏｎｔｏｓｏ.ｅｘａｍｐｌｅ',
  'ａｄａ＠ｃｏｎｔｏｓｏ．ｅｘａｍｐｌｅ',
  'ＡＤＡ@contoso.example',
] as const;

/** [tenant, user, password, problems] for a verified reset flow. */
const passwordCases = [
  ['contoso', ada, 'a'.repeat(14), ['too_short']],
  ['contoso', ada, 'e\u0301'.repeat(14), ['too_short']],
  ['contoso', ada, 'violet umbrellas sing', []],
  ['contoso', ada, '😀'.repeat(15), []],
  ['contoso', ada, 'x'.repeat(128), []],
  ['contoso', ada, 'x'.repeat(129), ['too_long']],
  ['contoso', ada, 'x'.repeat(1 << 20), ['too_long']],
  ['contoso', ada, 'PasswordPassword', ['common']],
  ['contoso', ada, '123456789012345', ['common']],
  ['contoso', ada, 'ada sails the seven seas', ['context']],
  ['contoso', ada, 'ADA@CONTOSO.EXAMPLE is me', ['context']],
  ['contoso', ada, 'my contoso password', ['context']],
  ['contoso', ada, 'ＣＯＮＴＯＳＯ ｓｔａｆｆ ｐａｓｓ', ['context']],
  ['nw', grace, 'abcdefg', ['too_short']],
  ['nw', grace, 'abcdefgh', []],
  ['nw', grace, 'password', ['common']],
  ['nw', grace, 'iloveyou', ['common']],
  ['nw', grace, 'I work at Northwind', ['context']],
  ['nw', grace, 'grace.hopper!', ['context']],
  ['nw', grace, 'nwnwnwnwnw', []],
] as const satisfies readonly (readonly [string, string, string, readonly PasswordProblem[]])[];

/** Users of the reset-switch tenants: one in the reset group, one outside it. */
const member = 'member@corp.example';
const outsider = 'outsider@corp.example';
const stranger = 'nobody@corp.example';
const switchUsers: DemoUser[] = [
  { email: member, password: 'member password one', groups: ['reset-helpers'] },
  { email: outsider, password: 'outsider password one', groups: ['staff'] },
];

/** [switch, mail the member gets, mail the outsider gets]; an unknown address gets none. */
const resetSwitchCases = [
  [{ enabled: 'none' }, 'reset-not-allowed', 'reset-not-allowed'],
  [{ enabled: 'selected', group: 'reset-helpers' }, 'verification-code', 'reset-not-allowed'],
  [{ enabled: 'all' }, 'verification-code', 'verification-code'],
] as const satisfies readonly (readonly [SelfServiceReset, MockMail['kind'], MockMail['kind']])[];

const switchTenants: DemoTenant[] = resetSwitchCases.map(([selfServiceReset]) => ({
  tenant: tenantFile(`sspr-${selfServiceReset.enabled}`, { selfServiceReset }),
  users: switchUsers,
}));

const due = 'due@corp.example';
const duePassword = 'due password one';
const fresh = 'fresh@corp.example';
const freshPassword = 'fresh password one';

/** Reconfirmation periods with a boundary: a user confirmed exactly that many days ago. */
const reconfirmPeriods = [1, 730] as const;

const reconfirmTenants: DemoTenant[] = [
  ...reconfirmPeriods.map((days) => ({
    tenant: tenantFile(`reconfirm-${days}`, { reconfirmEmailAfterDays: days }),
    users: [
      { email: due, password: duePassword, emailConfirmedDaysAgo: days },
      { email: fresh, password: freshPassword },
    ],
  })),
  {
    tenant: tenantFile('reconfirm-0', { reconfirmEmailAfterDays: 0 }),
    users: [
      { email: due, password: duePassword, emailConfirmedDaysAgo: 730 },
      { email: fresh, password: freshPassword, emailConfirmedDaysAgo: 100_000 },
    ],
  },
];

/** Any six digits other than `code`. */
const wrong = (code: string) => (code === '000000' ? '111111' : '000000');

describe('mocks/mock-backend', () => {
  let t: number;
  let backend: MockBackend;

  beforeEach(() => {
    t = start;
    backend = new MockBackend({ tenants: [...demoTenants(), northwind], now: () => t });
  });

  /** Starts a reset and returns its flow id, checking the answer against the contract. */
  function startFlow(email = ada, tenant = 'contoso'): string {
    const answer = backend.startReset(tenant, { email: email });
    expect(answer.status).to.equal(202);
    return resetStartResponseSchema.parse(answer.body).flowId;
  }

  function codeOf(email = ada): string {
    const code = backend.latestCode(email);
    expect(code).to.match(/^[0-9]{6}$/);
    return code!;
  }

  function verifiedFlow(email = ada, tenant = 'contoso'): string {
    const flowId = startFlow(email, tenant);
    expect(backend.verify(tenant, flowId, codeOf(email)).status).to.equal(200);
    return flowId;
  }

  const mailsTo = (email: string) =>
    backend.outbox.filter((mail) => mail.to === normaliseEmail(email));

  /** Every error answer is a contract error body with its own status. */
  function expectError(answer: MockAnswer, body: unknown, status: number) {
    expect(answer.status).to.equal(status);
    expect(answer.body).to.deep.equal(body);
    expect(errorBodySchema.safeParse(answer.body).success).to.equal(true);
  }

  describe('reset start', () => {
    it('answers an unknown address exactly as a known one, and mails only the known one', () => {
      const known = backend.startReset('contoso', { email: ada });
      const unknown = backend.startReset('contoso', { email: nobody });
      expect(unknown.status).to.equal(known.status);
      expect(unknown.headers).to.deep.equal(known.headers);
      const knownBody = resetStartResponseSchema.parse(known.body);
      const unknownBody = resetStartResponseSchema.parse(unknown.body);
      expect(Object.keys(unknownBody)).to.deep.equal(Object.keys(knownBody));
      expect(unknownBody.resendAfter).to.equal(knownBody.resendAfter);
      expect(unknownBody.flowId).to.have.length(knownBody.flowId.length);
      expect(unknownBody.flowId).to.not.equal(knownBody.flowId);
      expect(backend.outbox).to.deep.equal([
        { to: ada, tenant: 'contoso', kind: 'verification-code', code: codeOf() },
      ]);
    });

    it('refuses every code for an unknown address, counting tries as for a known one', () => {
      const flowId = startFlow(nobody);
      for (let left = codeTries - 1; left >= 0; left -= 1) {
        expectError(
          backend.verify('contoso', flowId, '123456'),
          { error: 'code_rejected', attemptsLeft: left },
          422,
        );
      }
    });

    it('answers tenant_not_found for an unknown tenant', () => {
      expectError(
        backend.startReset('initech', { email: ada }),
        { error: 'tenant_not_found' },
        404,
      );
      expect(backend.outbox).to.deep.equal([]);
    });
  });

  describe('verification codes', () => {
    it(`accepts the right code until ${codeLifetimeMs / 1000} s have passed`, () => {
      const flowId = startFlow();
      t += codeLifetimeMs - 1;
      expect(backend.verify('contoso', flowId, codeOf())).to.deep.equal({
        status: 200,
        body: { status: 'verified' },
      });
    });

    it(`refuses the right code after ${codeLifetimeMs / 1000} s, as if tried too often`, () => {
      const flowId = startFlow();
      t += codeLifetimeMs;
      expectError(
        backend.verify('contoso', flowId, codeOf()),
        { error: 'code_rejected', attemptsLeft: 0 },
        422,
      );
    });

    it(`kills the code after ${codeTries} wrong tries, counting down to 0`, () => {
      const flowId = startFlow();
      const code = codeOf();
      const left = [];
      for (let i = 0; i < codeTries; i += 1) {
        const answer = backend.verify('contoso', flowId, wrong(code));
        expect(answer.status).to.equal(422);
        left.push((answer.body as { attemptsLeft: number }).attemptsLeft);
      }
      expect(left).to.deep.equal([4, 3, 2, 1, 0]);
      expectError(
        backend.verify('contoso', flowId, code),
        { error: 'code_rejected', attemptsLeft: 0 },
        422,
      );
      expectError(
        backend.setPassword('contoso', flowId, 'violet umbrellas sing'),
        { error: 'step_not_allowed' },
        409,
      );
    });

    it('does not let a used code be replayed', () => {
      const flowId = startFlow();
      const code = codeOf();
      expect(backend.verify('contoso', flowId, code).status).to.equal(200);
      expectError(
        backend.verify('contoso', flowId, code),
        { error: 'code_rejected', attemptsLeft: 0 },
        422,
      );
    });

    it('binds a code to its flow', () => {
      const first = startFlow();
      const firstCode = codeOf();
      t += 1;
      let second = startFlow();
      while (codeOf() === firstCode) second = startFlow();
      expectError(
        backend.verify('contoso', second, firstCode),
        { error: 'code_rejected', attemptsLeft: 4 },
        422,
      );
      expect(backend.verify('contoso', first, firstCode).status).to.equal(200);
    });

    for (const [waited, retryAfter] of [
      [0, 30],
      [10_000, 20],
      [29_001, 1],
    ] as const) {
      it(`refuses a resend ${waited / 1000} s after the last send with retryAfter ${retryAfter}`, () => {
        const flowId = startFlow();
        t += waited;
        expect(backend.resend('contoso', flowId)).to.deep.equal({
          status: 429,
          body: { error: 'too_many_requests', retryAfter },
          headers: { 'retry-after': String(retryAfter) },
        });
        expect(mailsTo(ada)).to.have.length(1);
      });
    }

    it(`resends after ${resendAfterSeconds} s and kills the older code`, () => {
      const flowId = startFlow();
      const oldCode = codeOf();
      t += resendAfterSeconds * 1000;
      expect(backend.resend('contoso', flowId)).to.deep.equal({
        status: 202,
        body: { resendAfter: resendAfterSeconds },
      });
      expect(mailsTo(ada)).to.have.length(2);
      const newCode = codeOf();
      expectError(
        backend.verify('contoso', flowId, oldCode),
        { error: 'code_rejected', attemptsLeft: 4 },
        422,
      );
      expect(backend.verify('contoso', flowId, newCode).status).to.equal(200);
    });

    it('counts the next resend from the last one, not from the start', () => {
      const flowId = startFlow();
      t += 30_000;
      expect(backend.resend('contoso', flowId).status).to.equal(202);
      t += 29_000;
      expectError(
        backend.resend('contoso', flowId),
        { error: 'too_many_requests', retryAfter: 1 },
        429,
      );
    });

    it('gives a resent code a full set of tries', () => {
      const flowId = startFlow();
      for (let i = 0; i < codeTries; i += 1) backend.verify('contoso', flowId, wrong(codeOf()));
      t += 30_000;
      backend.resend('contoso', flowId);
      expectError(
        backend.verify('contoso', flowId, wrong(codeOf())),
        { error: 'code_rejected', attemptsLeft: 4 },
        422,
      );
      expect(backend.verify('contoso', flowId, codeOf()).status).to.equal(200);
    });

    it(`sends at most ${codesPerAddressPerHour} codes per address per hour, answering the same`, () => {
      const answers = [];
      for (let i = 0; i < codesPerAddressPerHour + 1; i += 1) {
        const answer = backend.startReset('contoso', {
          email: adaVariants[i % adaVariants.length]!,
        });
        answers.push({ status: answer.status, keys: Object.keys(answer.body as object) });
        t += 60_000;
      }
      expect(new Set(answers.map((a) => JSON.stringify(a))).size).to.equal(1);
      expect(mailsTo(ada)).to.have.length(codesPerAddressPerHour);
      expect(backend.outbox).to.have.length(codesPerAddressPerHour);
    });

    it('counts resends toward the hourly limit and lets the 11th code refuse every code', () => {
      const flowId = startFlow();
      for (let i = 1; i < codesPerAddressPerHour; i += 1) {
        t += 30_000;
        expect(backend.resend('contoso', flowId).status).to.equal(202);
      }
      const lastCode = codeOf();
      t += 30_000;
      expect(backend.resend('contoso', flowId)).to.deep.equal({
        status: 202,
        body: { resendAfter: resendAfterSeconds },
      });
      expect(mailsTo(ada)).to.have.length(codesPerAddressPerHour);
      expectError(
        backend.verify('contoso', flowId, lastCode),
        { error: 'code_rejected', attemptsLeft: 4 },
        422,
      );
    });

    it('sends codes again once the hour has passed', () => {
      for (let i = 0; i < codesPerAddressPerHour; i += 1) startFlow();
      t += hourMs - 1;
      startFlow();
      expect(mailsTo(ada)).to.have.length(codesPerAddressPerHour);
      t += 1;
      startFlow();
      expect(mailsTo(ada)).to.have.length(codesPerAddressPerHour + 1);
    });

    it('does not count one address against another', () => {
      for (let i = 0; i < codesPerAddressPerHour; i += 1) startFlow();
      startFlow('grace@contoso.example');
      expect(mailsTo('grace@contoso.example')).to.have.length(1);
    });
  });

  describe('flows', () => {
    it('answers flow_not_found for an unknown flow id', () => {
      const flowId = 'A'.repeat(32);
      expectError(backend.resetStatus('contoso', flowId), { error: 'flow_not_found' }, 404);
      expectError(backend.resend('contoso', flowId), { error: 'flow_not_found' }, 404);
      expectError(backend.verify('contoso', flowId, '123456'), { error: 'flow_not_found' }, 404);
      expectError(
        backend.setPassword('contoso', flowId, 'violet umbrellas sing'),
        { error: 'flow_not_found' },
        404,
      );
      expectError(backend.sendConfirmation('contoso', flowId), { error: 'flow_not_found' }, 404);
      expectError(
        backend.verifyConfirmation('contoso', flowId, '123456'),
        { error: 'flow_not_found' },
        404,
      );
    });

    it("does not find a flow through another tenant's path", () => {
      const flowId = startFlow();
      const code = codeOf();
      t += 30_000;
      expectError(backend.resetStatus('fabrikam', flowId), { error: 'flow_not_found' }, 404);
      expectError(backend.resend('fabrikam', flowId), { error: 'flow_not_found' }, 404);
      expectError(backend.verify('fabrikam', flowId, code), { error: 'flow_not_found' }, 404);
      expect(backend.verify('contoso', flowId, code).status).to.equal(200);
      expectError(
        backend.setPassword('fabrikam', flowId, 'violet umbrellas sing'),
        { error: 'flow_not_found' },
        404,
      );
      expectError(
        backend.setPassword('initech', flowId, 'violet umbrellas sing'),
        { error: 'flow_not_found' },
        404,
      );
      expect(backend.setPassword('contoso', flowId, 'violet umbrellas sing').status).to.equal(200);
    });
  });

  describe('new password', () => {
    it('is refused with step_not_allowed until the code is verified', () => {
      const flowId = startFlow();
      expectError(
        backend.setPassword('contoso', flowId, 'violet umbrellas sing'),
        { error: 'step_not_allowed' },
        409,
      );
      backend.verify('contoso', flowId, wrong(codeOf()));
      expectError(
        backend.setPassword('contoso', flowId, 'violet umbrellas sing'),
        { error: 'step_not_allowed' },
        409,
      );
      expect(backend.signIn('contoso', ada, 'violet umbrellas sing')).to.deep.equal(
        invalidCredentials,
      );
    });

    it('changes the password once, mails a notice and ends the flow', () => {
      const flowId = verifiedFlow();
      expect(backend.setPassword('contoso', flowId, 'violet umbrellas sing')).to.deep.equal({
        status: 200,
        body: { status: 'password-changed' },
      });
      expect(backend.outbox.at(-1)).to.deep.equal({
        to: ada,
        tenant: 'contoso',
        kind: 'password-changed',
      });
      expect(backend.signIn('contoso', ada, adaPassword)).to.deep.equal(invalidCredentials);
      expect(backend.signIn('contoso', ada, 'violet umbrellas sing').status).to.equal(200);
      expectError(
        backend.setPassword('contoso', flowId, 'another fine password'),
        { error: 'flow_not_found' },
        404,
      );
      expectError(backend.verify('contoso', flowId, '123456'), { error: 'flow_not_found' }, 404);
    });

    it('keeps the flow open after a refused password', () => {
      const flowId = verifiedFlow();
      expectError(
        backend.setPassword('contoso', flowId, 'short'),
        { error: 'password_rejected', reasons: ['too_short'] },
        422,
      );
      expect(backend.setPassword('contoso', flowId, 'violet umbrellas sing').status).to.equal(200);
    });

    for (const [tenant, user, password, problems] of passwordCases) {
      const label =
        password.length > 40 ? `${password.slice(0, 10)}… (${password.length})` : password;
      it(`${problems.length ? `refuses as ${problems.join()}` : 'accepts'} "${label}" in ${tenant}`, () => {
        const flowId = verifiedFlow(user, tenant);
        const answer = backend.setPassword(tenant, flowId, password);
        if (problems.length) {
          expectError(answer, { error: 'password_rejected', reasons: problems }, 422);
        } else {
          expect(answer).to.deep.equal({ status: 200, body: { status: 'password-changed' } });
          expect(backend.signIn(tenant, user, password).status).to.equal(200);
        }
      });
    }
  });

  describe('sign-in', () => {
    it('signs in with the right password', () => {
      const answer = backend.signIn('contoso', ada, adaPassword);
      expect(answer).to.deep.include({ status: 200, body: { status: 'signed-in' } });
      expect(answer.headers?.['set-cookie']).to.match(/^gatehouse_session=[\w-]{32}; Path=\/;/);
    });

    it('gives a wrong password and an unknown user the same answer', () => {
      expect(backend.signIn('contoso', ada, 'wrong')).to.deep.equal(invalidCredentials);
      expect(backend.signIn('contoso', nobody, adaPassword)).to.deep.equal(invalidCredentials);
      expect(backend.signIn('fabrikam', ada, adaPassword)).to.deep.equal(invalidCredentials);
    });

    it('answers tenant_not_found for an unknown tenant', () => {
      expectError(backend.signIn('initech', ada, adaPassword), { error: 'tenant_not_found' }, 404);
    });

    it(`does not lock after ${failuresBeforeLock - 1} failures`, () => {
      for (let i = 0; i < failuresBeforeLock - 1; i += 1) backend.signIn('contoso', ada, 'wrong');
      expect(backend.signIn('contoso', ada, adaPassword).status).to.equal(200);
    });

    it('starts counting failures again after a success', () => {
      for (let i = 0; i < failuresBeforeLock - 1; i += 1) backend.signIn('contoso', ada, 'wrong');
      expect(backend.signIn('contoso', ada, adaPassword).status).to.equal(200);
      for (let i = 0; i < failuresBeforeLock - 1; i += 1) backend.signIn('contoso', ada, 'wrong');
      expect(backend.signIn('contoso', ada, adaPassword).status).to.equal(200);
    });

    it(`locks for 60 s after ${failuresBeforeLock} failures, answering as for a wrong password`, () => {
      for (let i = 0; i < failuresBeforeLock; i += 1) {
        expect(backend.signIn('contoso', ada, 'wrong')).to.deep.equal(invalidCredentials);
      }
      expect(backend.signIn('contoso', ada, adaPassword)).to.deep.equal(invalidCredentials);
      t += 59_999;
      expect(backend.signIn('contoso', ada, adaPassword)).to.deep.equal(invalidCredentials);
      t += 1;
      expect(backend.signIn('contoso', ada, adaPassword).status).to.equal(200);
    });

    it('doubles the lock each time, up to 15 minutes', () => {
      for (const seconds of [60, 120, 240, 480, 900, 900] as const) {
        for (let i = 0; i < failuresBeforeLock; i += 1) backend.signIn('contoso', ada, 'wrong');
        t += seconds * 1000 - 1;
        expect(backend.signIn('contoso', ada, adaPassword), `locked ${seconds} s`).to.deep.equal(
          invalidCredentials,
        );
        t += 1;
        expect(
          backend.signIn('contoso', ada, adaPassword).status,
          `unlocked after ${seconds} s`,
        ).to.equal(200);
      }
    });

    it('does not extend a lock for attempts made while locked', () => {
      for (let i = 0; i < failuresBeforeLock * 3; i += 1) backend.signIn('contoso', ada, 'wrong');
      t += 60_000;
      expect(backend.signIn('contoso', ada, adaPassword).status).to.equal(200);
    });

    it('locks only the account that failed', () => {
      for (let i = 0; i < failuresBeforeLock; i += 1) backend.signIn('contoso', ada, 'wrong');
      expect(
        backend.signIn('contoso', 'grace@contoso.example', 'compilers are friendly').status,
      ).to.equal(200);
    });

    it('unlocks the account when a reset completes', () => {
      for (let i = 0; i < failuresBeforeLock; i += 1) backend.signIn('contoso', ada, 'wrong');
      expect(backend.signIn('contoso', ada, adaPassword)).to.deep.equal(invalidCredentials);
      const flowId = verifiedFlow();
      expect(backend.setPassword('contoso', flowId, 'violet umbrellas sing').status).to.equal(200);
      expect(backend.signIn('contoso', ada, 'violet umbrellas sing').status).to.equal(200);
    });
  });

  describe('email variants', () => {
    for (const variant of adaVariants) {
      it(`treats ${JSON.stringify(variant)} as Ada's address`, () => {
        expect(normaliseEmail(variant)).to.equal(ada);
        expect(backend.signIn('contoso', variant, adaPassword).status).to.equal(200);
        const flowId = startFlow(variant);
        expect(mailsTo(ada)).to.have.length(1);
        expect(backend.verify('contoso', flowId, codeOf(ada)).status).to.equal(200);
      });
    }

    it('counts failures under every variant toward one lock', () => {
      for (let i = 0; i < failuresBeforeLock; i += 1) {
        backend.signIn('contoso', adaVariants[i % adaVariants.length]!, 'wrong');
      }
      expect(backend.signIn('contoso', ada, adaPassword)).to.deep.equal(invalidCredentials);
    });

    it('keeps stored addresses in other cases reachable', () => {
      expect(backend.signIn('nw', 'grace.hopper@northwind.example', gracePassword).status).to.equal(
        200,
      );
      startFlow('GRACE.HOPPER@NORTHWIND.EXAMPLE', 'nw');
      expect(backend.outbox.map((mail) => mail.to)).to.deep.equal([
        'grace.hopper@northwind.example',
      ]);
    });
  });

  describe('self-service reset switch', () => {
    beforeEach(() => {
      backend = new MockBackend({ tenants: switchTenants, now: () => t });
    });

    /** Everything a browser can see of one reset attempt that does not get to verify. */
    function walkReset(tenant: string, email: string) {
      const started = backend.startReset(tenant, { email: email });
      const { flowId, resendAfter } = resetStartResponseSchema.parse(started.body);
      const seen: unknown[] = [
        {
          status: started.status,
          headers: started.headers,
          keys: Object.keys(started.body as object),
          resendAfter,
          flowIdLength: flowId.length,
        },
        backend.resetStatus(tenant, flowId),
        backend.verify(tenant, flowId, wrong(backend.latestCode(email) ?? '')),
        backend.setPassword(tenant, flowId, 'violet umbrellas sing'),
      ];
      t += resendAfterSeconds * 1000;
      seen.push(backend.resend(tenant, flowId), backend.resetStatus(tenant, flowId));
      return seen;
    }

    for (const [selfServiceReset, memberMail, outsiderMail] of resetSwitchCases) {
      const tenant = `sspr-${selfServiceReset.enabled}`;
      const mayReset = { [member]: memberMail, [outsider]: outsiderMail };

      describe(`set to ${selfServiceReset.enabled}`, () => {
        it('answers the member, the outsider and an unknown address alike', () => {
          const memberSeen = walkReset(tenant, member);
          expect(walkReset(tenant, outsider)).to.deep.equal(memberSeen);
          expect(walkReset(tenant, stranger)).to.deep.equal(memberSeen);
        });

        it(`mails the member ${memberMail}, the outsider ${outsiderMail} and nobody else`, () => {
          for (const email of [member, outsider, stranger]) walkReset(tenant, email);
          for (const email of [member, outsider] as const) {
            const kind = mayReset[email];
            expect(mailsTo(email).map((mail) => mail.kind)).to.deep.equal([kind, kind]);
            for (const mail of mailsTo(email)) {
              expect(mail.tenant).to.equal(tenant);
              if (kind === 'reset-not-allowed') expect(mail).to.not.have.property('code');
              else expect(mail.code).to.match(/^[0-9]{6}$/);
            }
          }
          expect(mailsTo(stranger)).to.deep.equal([]);
          expect(backend.outbox).to.have.length(4);
        });

        for (const email of [member, outsider] as const) {
          const allowed = mayReset[email] === 'verification-code';
          it(`${allowed ? 'lets' : 'does not let'} ${email} set a new password`, () => {
            const flowId = startFlow(email, tenant);
            if (allowed) {
              expect(backend.verify(tenant, flowId, codeOf(email)).status).to.equal(200);
              expect(backend.setPassword(tenant, flowId, 'violet umbrellas sing').status).to.equal(
                200,
              );
              expect(backend.signIn(tenant, email, 'violet umbrellas sing').status).to.equal(200);
            } else {
              expect(backend.latestCode(email)).to.equal(undefined);
              for (const code of ['000000', '123456', '999999']) {
                expect(backend.verify(tenant, flowId, code).status).to.equal(422);
              }
              expectError(
                backend.setPassword(tenant, flowId, 'violet umbrellas sing'),
                { error: 'step_not_allowed' },
                409,
              );
            }
          });
        }

        it(`tells the pages that reset ${selfServiceReset.enabled === 'none' ? 'does not exist' : 'exists'}, and nothing of groups`, () => {
          const answer = backend.config(tenant);
          expect(answer.status).to.equal(200);
          const config = tenantConfigSchema.parse(answer.body);
          expect(config.selfServiceReset).to.equal(selfServiceReset.enabled !== 'none');
          expect(JSON.stringify(answer.body))
            .to.not.contain('reset-helpers')
            .and.not.contain('group');
        });
      });
    }

    it('sends the demo user outside fabrikam’s reset group a notice instead of a code', () => {
      backend = new MockBackend({ tenants: demoTenants(), now: () => t });
      startFlow('alan@fabrikam.example', 'fabrikam');
      startFlow('joan@fabrikam.example', 'fabrikam');
      expect(backend.outbox.map(({ to, kind }) => ({ to, kind }))).to.deep.equal([
        { to: 'alan@fabrikam.example', kind: 'verification-code' },
        { to: 'joan@fabrikam.example', kind: 'reset-not-allowed' },
      ]);
    });
  });

  describe('reset status', () => {
    function statusOf(flowId: string, tenant = 'contoso') {
      const answer = backend.resetStatus(tenant, flowId);
      expect(answer.status).to.equal(200);
      return resetStatusResponseSchema.parse(answer.body);
    }

    for (const [waited, resendAfter] of [
      [0, 30],
      [10_000, 20],
      [29_001, 1],
      [30_000, 0],
      [hourMs, 0],
    ] as const) {
      it(`tells ${resendAfter} s until a resend ${waited / 1000} s after the send`, () => {
        const flowId = startFlow();
        t += waited;
        expect(statusOf(flowId)).to.deep.equal({ verified: false, resendAfter });
      });
    }

    it('restarts the countdown on a resend and reports the verified code', () => {
      const flowId = startFlow();
      t += 40_000;
      expect(backend.resend('contoso', flowId).status).to.equal(202);
      t += 5_000;
      expect(statusOf(flowId)).to.deep.equal({ verified: false, resendAfter: 25 });
      expect(backend.verify('contoso', flowId, codeOf()).status).to.equal(200);
      expect(statusOf(flowId).verified).to.equal(true);
    });

    it('changes nothing: reading it costs no tries and sends no mail', () => {
      const flowId = startFlow();
      for (let i = 0; i < codeTries * 2; i += 1) statusOf(flowId);
      expect(backend.outbox).to.have.length(1);
      expectError(
        backend.verify('contoso', flowId, wrong(codeOf())),
        { error: 'code_rejected', attemptsLeft: codeTries - 1 },
        422,
      );
    });

    it('answers an unknown address exactly as a known one', () => {
      const known = startFlow(ada);
      const unknown = startFlow(nobody);
      t += 7_000;
      expect(backend.resetStatus('contoso', unknown)).to.deep.equal(
        backend.resetStatus('contoso', known),
      );
    });

    it('ends with the flow once the password is set', () => {
      const flowId = verifiedFlow();
      expect(backend.setPassword('contoso', flowId, 'violet umbrellas sing').status).to.equal(200);
      expectError(backend.resetStatus('contoso', flowId), { error: 'flow_not_found' }, 404);
    });

    it('refuses a resend once the code is verified', () => {
      const flowId = verifiedFlow();
      t += resendAfterSeconds * 1000;
      expectError(backend.resend('contoso', flowId), { error: 'step_not_allowed' }, 409);
      expect(mailsTo(ada)).to.have.length(1);
      expect(backend.setPassword('contoso', flowId, 'violet umbrellas sing').status).to.equal(200);
    });
  });

  describe(`at most ${failedCodesPerDay} failed codes per address per day`, () => {
    /**
     * Enters `count` wrong codes for `email`, all of a fresh flow's tries before starting the next,
     * spelling Ada's address a different way each time.
     */
    function failCodes(count: number, email = ada) {
      const spellings: readonly string[] = email === ada ? adaVariants : [email];
      let flowId = '';
      for (let i = 0; i < count; i += 1) {
        const flow = Math.floor(i / codeTries);
        if (i % codeTries === 0) flowId = startFlow(spellings[flow % spellings.length]);
        const answer = backend.verify('contoso', flowId, wrong(backend.latestCode(email) ?? ''));
        expect(answer.status).to.equal(422);
      }
    }

    it(`still accepts the right code after ${failedCodesPerDay - 1} failures`, () => {
      const flowId = startFlow();
      const code = codeOf();
      failCodes(failedCodesPerDay - 1);
      expect(backend.verify('contoso', flowId, code).status).to.equal(200);
    });

    it(`refuses even the right code after ${failedCodesPerDay} failures, with no tries left`, () => {
      const flowId = startFlow();
      const code = codeOf();
      failCodes(failedCodesPerDay);
      expectError(
        backend.verify('contoso', flowId, code),
        { error: 'code_rejected', attemptsLeft: 0 },
        422,
      );
    });

    it('lifts the limit 24 h after the failures, not a millisecond sooner', () => {
      failCodes(failedCodesPerDay);
      t += dayMs - 1;
      const flowId = startFlow();
      const code = codeOf();
      expectError(
        backend.verify('contoso', flowId, code),
        { error: 'code_rejected', attemptsLeft: 0 },
        422,
      );
      t += 1;
      expect(backend.verify('contoso', flowId, code).status).to.equal(200);
    });

    it('counts per address, not for everyone', () => {
      failCodes(failedCodesPerDay);
      const flowId = startFlow('grace@contoso.example');
      expect(backend.verify('contoso', flowId, codeOf('grace@contoso.example')).status).to.equal(
        200,
      );
    });

    it('answers an unknown address exactly as a known one once the limit is reached', () => {
      failCodes(failedCodesPerDay);
      failCodes(failedCodesPerDay, nobody);
      const known = startFlow(ada);
      const unknown = startFlow(nobody);
      expect(backend.verify('contoso', unknown, '123456')).to.deep.equal(
        backend.verify('contoso', known, wrong(codeOf())),
      );
    });

    it('also refuses the code that reconfirms the recovery email', () => {
      const graceDemo = 'grace@contoso.example';
      failCodes(failedCodesPerDay, graceDemo);
      const signedIn = signInResponseSchema.parse(
        backend.signIn('contoso', graceDemo, 'compilers are friendly').body,
      );
      if (signedIn.status !== 'confirm-email') throw new Error('grace should be asked to confirm');
      t += resendAfterSeconds * 1000;
      expect(backend.sendConfirmation('contoso', signedIn.flowId).status).to.equal(202);
      expectError(
        backend.verifyConfirmation('contoso', signedIn.flowId, codeOf(graceDemo)),
        { error: 'code_rejected', attemptsLeft: 0 },
        422,
      );
    });
  });

  describe('recovery email reconfirmation', () => {
    beforeEach(() => {
      backend = new MockBackend({ tenants: [...reconfirmTenants, ...demoTenants()], now: () => t });
    });

    /** Signs in and returns the confirmation flow, failing if none was asked for. */
    function confirmationFlow(tenant: string, email = due, password = duePassword): string {
      const answer = backend.signIn(tenant, email, password);
      expect(answer.status).to.equal(200);
      const body = signInResponseSchema.parse(answer.body);
      expect(body).to.include({ status: 'confirm-email', email: normaliseEmail(email) });
      return (body as { flowId: string }).flowId;
    }

    const signedIn = { status: 200, body: { status: 'signed-in' } } as const;

    it('never asks when the tenant sets 0 days', () => {
      for (const [email, password] of [
        [due, duePassword],
        [fresh, freshPassword],
      ] as const) {
        expect(backend.signIn('reconfirm-0', email, password)).to.deep.include(signedIn);
      }
      t += 3_650 * dayMs;
      expect(backend.signIn('reconfirm-0', due, duePassword)).to.deep.include(signedIn);
      expect(backend.outbox).to.deep.equal([]);
    });

    for (const days of reconfirmPeriods) {
      const tenant = `reconfirm-${days}`;

      describe(`after ${days} day${days === 1 ? '' : 's'}`, () => {
        it(`signs in a user confirmed exactly ${days} days ago`, () => {
          expect(backend.signIn(tenant, due, duePassword)).to.deep.include(signedIn);
        });

        it(`asks a user confirmed ${days} days and 1 ms ago to confirm, mailing nothing yet`, () => {
          t += 1;
          const flowId = confirmationFlow(tenant);
          expect(flowId).to.match(/^[A-Za-z0-9_-]{16,128}$/);
          expect(backend.outbox).to.deep.equal([]);
        });

        it('asks a user confirmed at start once the period has passed, not before', () => {
          t += days * dayMs;
          expect(backend.signIn(tenant, fresh, freshPassword)).to.deep.include(signedIn);
          t += 1;
          confirmationFlow(tenant, fresh, freshPassword);
        });

        it('signs in after the code and starts the period again', () => {
          t += 1;
          const flowId = confirmationFlow(tenant);
          const sent = backend.sendConfirmation(tenant, flowId);
          expect(sent.status).to.equal(202);
          expect(emailConfirmSendResponseSchema.parse(sent.body)).to.deep.equal({
            resendAfter: resendAfterSeconds,
          });
          expect(backend.outbox).to.deep.equal([
            { to: due, tenant, kind: 'verification-code', code: codeOf(due) },
          ]);
          const confirmed = backend.verifyConfirmation(tenant, flowId, codeOf(due));
          expect(confirmed.status).to.equal(200);
          expect(emailConfirmVerifyResponseSchema.parse(confirmed.body)).to.deep.equal({
            status: 'signed-in',
          });
          expect(backend.signIn(tenant, due, duePassword)).to.deep.include(signedIn);
          t += days * dayMs;
          expect(backend.signIn(tenant, due, duePassword)).to.deep.include(signedIn);
          t += 1;
          confirmationFlow(tenant);
        });

        it('does not confirm without the right code', () => {
          t += 1;
          const flowId = confirmationFlow(tenant);
          backend.sendConfirmation(tenant, flowId);
          backend.verifyConfirmation(tenant, flowId, wrong(codeOf(due)));
          confirmationFlow(tenant);
        });
      });
    }

    it('keeps a wrong password, a lock and an unknown user from learning who is due', () => {
      const tenant = 'reconfirm-1';
      t += 1;
      expect(backend.signIn(tenant, due, 'wrong')).to.deep.equal(invalidCredentials);
      expect(backend.signIn(tenant, 'nobody@corp.example', duePassword)).to.deep.equal(
        invalidCredentials,
      );
      for (let i = 0; i < failuresBeforeLock; i += 1) backend.signIn(tenant, due, 'wrong');
      expect(backend.signIn(tenant, due, duePassword)).to.deep.equal(invalidCredentials);
    });

    it('applies the code rules: a send every 30 s, 5 tries, 600 s, single use', () => {
      const tenant = 'reconfirm-1';
      t += 1;
      const flowId = confirmationFlow(tenant);
      expectError(
        backend.verifyConfirmation(tenant, flowId, '123456'),
        { error: 'code_rejected', attemptsLeft: 0 },
        422,
      );
      expect(backend.sendConfirmation(tenant, flowId).status).to.equal(202);
      t += 10_000;
      expectError(
        backend.sendConfirmation(tenant, flowId),
        { error: 'too_many_requests', retryAfter: 20 },
        429,
      );
      const code = codeOf(due);
      for (let left = codeTries - 1; left >= 0; left -= 1) {
        expectError(
          backend.verifyConfirmation(tenant, flowId, wrong(code)),
          { error: 'code_rejected', attemptsLeft: left },
          422,
        );
      }
      expectError(
        backend.verifyConfirmation(tenant, flowId, code),
        { error: 'code_rejected', attemptsLeft: 0 },
        422,
      );
      t += 20_000;
      expect(backend.sendConfirmation(tenant, flowId).status).to.equal(202);
      const second = codeOf(due);
      t += codeLifetimeMs;
      expectError(
        backend.verifyConfirmation(tenant, flowId, second),
        { error: 'code_rejected', attemptsLeft: 0 },
        422,
      );
      expect(backend.sendConfirmation(tenant, flowId).status).to.equal(202);
      expect(backend.verifyConfirmation(tenant, flowId, codeOf(due)).status).to.equal(200);
      expectError(
        backend.verifyConfirmation(tenant, flowId, codeOf(due)),
        { error: 'flow_not_found' },
        404,
      );
      expectError(backend.sendConfirmation(tenant, flowId), { error: 'flow_not_found' }, 404);
    });

    it('keeps confirmation flows and reset flows apart', () => {
      const tenant = 'reconfirm-1';
      t += 1;
      const confirmId = confirmationFlow(tenant);
      expectError(backend.resetStatus(tenant, confirmId), { error: 'flow_not_found' }, 404);
      expectError(backend.resend(tenant, confirmId), { error: 'flow_not_found' }, 404);
      expectError(backend.verify(tenant, confirmId, '123456'), { error: 'flow_not_found' }, 404);
      expectError(
        backend.setPassword(tenant, confirmId, 'violet umbrellas sing'),
        { error: 'flow_not_found' },
        404,
      );
      expectError(
        backend.sendConfirmation('reconfirm-730', confirmId),
        { error: 'flow_not_found' },
        404,
      );
      const resetId = startFlow(due, tenant);
      t += resendAfterSeconds * 1000;
      expectError(backend.sendConfirmation(tenant, resetId), { error: 'flow_not_found' }, 404);
      expectError(
        backend.verifyConfirmation(tenant, resetId, codeOf(due)),
        { error: 'flow_not_found' },
        404,
      );
    });

    it('counts a completed reset as confirming the recovery email', () => {
      const tenant = 'reconfirm-1';
      t += 1;
      confirmationFlow(tenant);
      const flowId = verifiedFlow(due, tenant);
      confirmationFlow(tenant);
      expect(backend.setPassword(tenant, flowId, 'violet umbrellas sing').status).to.equal(200);
      expect(backend.signIn(tenant, due, 'violet umbrellas sing')).to.deep.include(signedIn);
      t += dayMs + 1;
      confirmationFlow(tenant, due, 'violet umbrellas sing');
    });

    it('asks the demo user confirmed 400 days ago in contoso (180 days), not the one of 10 days', () => {
      expect(backend.signIn('contoso', ada, adaPassword)).to.deep.include(signedIn);
      confirmationFlow('contoso', 'grace@contoso.example', 'compilers are friendly');
    });
  });
});
