import { expect } from '@open-wc/testing';
import { publicTenantConfig } from '../../src/app/public-tenant-config.js';
import { parseTenantFile, type Tenant } from '../../src/tenant/tenant.schema.js';
import { shippedTenantFiles, shippedTenants } from '../../src/tenant/shipped-tenants.js';
import { tenantConfigSchema } from '../../src/api/contract.schema.js';

const valid: Tenant = {
  id: 'contoso',
  displayName: 'Contoso',
  theme: 'contoso',
  locales: ['en', 'nl', 'sv'],
  defaultLocale: 'en',
  selfServiceReset: { enabled: 'all' },
  reconfirmEmailAfterDays: 180,
  passwordRules: { minLength: 15 },
  redirectUris: ['https://contoso.example/auth/callback'],
  embeddingOrigins: ['https://shop.contoso.example'],
  policies: [
    { id: 'B2C_1_signin', kind: 'sign-in', resetLink: true },
    { id: 'B2C_1_passwordreset', kind: 'password-reset' },
  ],
};

const file = 'tenants/contoso.json';

function errorsFor(data: unknown): string[] {
  const result = parseTenantFile(file, data);
  return result.ok ? [] : result.failure;
}

describe('tenant files', () => {
  it('ships tenants that all parse and serve a valid public config', () => {
    const tenants = shippedTenants();
    expect(tenants.map((tenant) => tenant.id)).to.deep.equal(['contoso', 'fabrikam', 'northwind']);
    for (const tenant of tenants) {
      expect(tenantConfigSchema.safeParse(publicTenantConfig(tenant)).success).to.equal(true);
      expect(tenant.policies.map((policy) => policy.id)).to.include.members([
        'B2C_1_signin',
        'B2C_1_passwordreset',
      ]);
    }
    expect(Object.keys(shippedTenantFiles)).to.have.length(3);
  });

  it('describes contoso as resetting for all and fabrikam for a selected group', () => {
    const [contoso, fabrikam] = shippedTenants();
    expect(contoso!.selfServiceReset).to.deep.equal({ enabled: 'all' });
    expect(fabrikam!.selfServiceReset.enabled).to.equal('selected');
  });

  it('accepts a valid tenant', () => {
    expect(errorsFor(valid)).to.deep.equal([]);
  });

  it('accepts an IANA time zone for its emails', () => {
    for (const timeZone of ['UTC', 'Europe/Amsterdam', 'Europe/Stockholm', 'America/New_York']) {
      expect(errorsFor({ ...valid, timeZone }), timeZone).to.deep.equal([]);
    }
  });

  const { passwordRules: _rules, ...withoutRules } = valid;
  const cases: [string, unknown, string][] = [
    ['a missing field', withoutRules, `${file}: passwordRules:`],
    ['a wrongly typed field', { ...valid, displayName: 42 }, `${file}: displayName:`],
    ['an unknown key', { ...valid, colour: 'red' }, `${file}: colour: unknown field`],
    [
      'an unknown nested key',
      { ...valid, passwordRules: { minLength: 15, maxLength: 64 } },
      `${file}: passwordRules.maxLength: unknown field`,
    ],
    [
      'reconfirm days of 731',
      { ...valid, reconfirmEmailAfterDays: 731 },
      `${file}: reconfirmEmailAfterDays:`,
    ],
    [
      'negative reconfirm days',
      { ...valid, reconfirmEmailAfterDays: -1 },
      `${file}: reconfirmEmailAfterDays:`,
    ],
    [
      'fractional reconfirm days',
      { ...valid, reconfirmEmailAfterDays: 1.5 },
      `${file}: reconfirmEmailAfterDays:`,
    ],
    [
      'a relative redirect URI',
      { ...valid, redirectUris: ['/auth/callback'] },
      `${file}: redirectUris[0]: must be an absolute https URL`,
    ],
    [
      'a javascript: redirect URI',
      { ...valid, redirectUris: ['javascript:window.__gateXss=1'] },
      `${file}: redirectUris[0]:`,
    ],
    [
      'a plain-http redirect URI off loopback',
      { ...valid, redirectUris: ['http://contoso.example/cb'] },
      `${file}: redirectUris[0]:`,
    ],
    [
      'a repeated redirect URI',
      { ...valid, redirectUris: ['https://a.example/', 'https://a.example/'] },
      `${file}: redirectUris: must not repeat`,
    ],
    [
      'an embedding origin with a path',
      { ...valid, embeddingOrigins: ['https://shop.example/x'] },
      `${file}: embeddingOrigins[0]: must be an origin`,
    ],
    [
      'a time zone that does not exist',
      { ...valid, timeZone: 'Europe/Atlantis' },
      `${file}: timeZone: must be an IANA time zone such as Europe/Amsterdam`,
    ],
    ['a time zone that is no name', { ...valid, timeZone: 2 }, `${file}: timeZone:`],
    ['an empty time zone', { ...valid, timeZone: '' }, `${file}: timeZone:`],
    [
      'a minimum password length below 8',
      { ...valid, passwordRules: { minLength: 7 } },
      `${file}: passwordRules.minLength:`,
    ],
    [
      'an unknown reset switch',
      { ...valid, selfServiceReset: { enabled: 'some' } },
      `${file}: selfServiceReset.enabled:`,
    ],
    [
      'selected without a group',
      { ...valid, selfServiceReset: { enabled: 'selected' } },
      `${file}: selfServiceReset.group:`,
    ],
    [
      'a policy of an unknown kind',
      { ...valid, policies: [{ id: 'B2C_1_x', kind: 'sign-up' }] },
      `${file}: policies[0].kind:`,
    ],
    [
      'a sign-in policy without resetLink',
      { ...valid, policies: [{ id: 'B2C_1_signin', kind: 'sign-in' }] },
      `${file}: policies[0].resetLink:`,
    ],
    [
      'a policy id with a slash',
      { ...valid, policies: [{ id: 'B2C/1', kind: 'password-reset' }] },
      `${file}: policies[0].id:`,
    ],
    [
      'repeated policy ids',
      { ...valid, policies: [valid.policies[1], valid.policies[1]] },
      `${file}: policies: policy ids must be unique`,
    ],
    ['no policies', { ...valid, policies: [] }, `${file}: policies:`],
    [
      'a default locale that is not enabled',
      { ...valid, defaultLocale: 'de' },
      `${file}: defaultLocale: must be one of`,
    ],
    [
      'an id that is not the file name',
      { ...valid, id: 'fabrikam' },
      `${file}: id: must match the file name`,
    ],
    ['a tenant id with upper case', { ...valid, id: 'Contoso' }, `${file}: id:`],
    ['not an object', 'contoso', `${file}: (top level):`],
  ];
  for (const [name, data, expected] of cases) {
    it(`refuses ${name}, naming the file and field`, () => {
      const errors = errorsFor(data);
      expect(
        errors.some((error) => error.startsWith(expected)),
        errors.join('\n'),
      ).to.equal(true);
    });
  }

  it('ignores __proto__ in a parsed file', () => {
    const data = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(valid).slice(1)}`);
    const result = parseTenantFile(file, data);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(result.ok).to.equal(false);
  });

  it('keeps groups and embedding origins out of the public config', () => {
    const config = publicTenantConfig({
      ...valid,
      selfServiceReset: { enabled: 'selected', group: 'secret-group' },
    });
    expect(JSON.stringify(config)).not.to.contain('secret-group');
    expect(JSON.stringify(config)).not.to.contain('shop.contoso.example');
    expect(config.selfServiceReset).to.equal(true);
  });
});
