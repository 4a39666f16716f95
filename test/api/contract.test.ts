import { expect } from '@open-wc/testing';
import { errorBodySchema, routePath, routes, signInRequestSchema } from '../../src/api/contract.js';

describe('contract smoke', () => {
  it('parses a sign-in request', () => {
    expect(signInRequestSchema.safeParse({ identifier: 'a', password: 'b' }).success).to.equal(
      true,
    );
    expect(errorBodySchema.safeParse({ error: 'nope' }).success).to.equal(false);
    expect(routePath(routes.config, { tenant: 'contoso' })).to.equal('/tenants/contoso/config');
  });
});
