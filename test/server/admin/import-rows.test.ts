/** One import row against a username tenant and an email tenant: what it makes, what it refuses. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkImportRow } from '../../../src/server/admin/import-rows.js';
import { requireTenantFile } from '../../../src/tenant/tenant.schema.js';

const tenant = (id: string) =>
  requireTenantFile(`tenants/${id}.json`, JSON.parse(readFileSync(`tenants/${id}.json`, 'utf8')));
const northwind = tenant('northwind');
const contoso = tenant('contoso');

describe('import rows for username accounts', () => {
  it('takes a username with a recovery email of its own, prefilled as verified', () => {
    const row = checkImportRow(
      {
        username: ' Mona.Lisa ',
        recovery_email: 'Mona@Example.org',
        recovery_email_verified: 'yes',
      },
      northwind,
    );
    assert.ok(row.ok);
    assert.equal(row.user.email, 'mona.lisa');
    assert.equal(row.user.recoveryEmail, 'mona@example.org');
    assert.equal(row.user.emailVerified, true);
  });

  it('counts nothing as verified without a recovery email', () => {
    const row = checkImportRow({ username: 'nils', recovery_email_verified: 'true' }, northwind);
    assert.ok(row.ok);
    assert.equal(row.user.recoveryEmail, null);
    assert.equal(row.user.emailVerified, false);
  });

  it('refuses an email as a username, and a recovery email that is no address', () => {
    const row = checkImportRow(
      { username: 'mona@northwind.example', recovery_email: 'not an address' },
      northwind,
    );
    assert.ok(!row.ok);
    assert.deepEqual(
      row.problems.map((problem) => problem.field),
      ['username', 'recovery_email'],
    );
  });

  it('still refuses a username in an email tenant', () => {
    const row = checkImportRow({ identifier: 'mona' }, contoso);
    assert.ok(!row.ok);
    assert.match(row.problems[0]!.problem, /is not an email address/);
  });
});
