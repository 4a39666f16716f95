import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { endpoints } from '../src/api/endpoints.js';
import { contractPage, endpointTable, pageWithTable } from './endpoint-docs.js';

test('the endpoint table in docs/contract.md is the one the contract makes', async () => {
  const page = await readFile(contractPage, 'utf8');
  assert.equal(
    page,
    await pageWithTable(page),
    `${contractPage} is stale: run \`npm run docs:endpoints\``,
  );
});

test('the table has a row per endpoint, with its method, path and status', () => {
  const rows = endpointTable().split('\n').slice(2);
  assert.equal(rows.length, Object.keys(endpoints).length);
  assert.match(
    rows.join('\n'),
    /`POST \/tenants\/\{tenant\}\/password-reset` \| `\{ email: string \(3\.\.254\) matching \/\^\[\^\\s@\]\+@/,
  );
  assert.match(rows.join('\n'), /`202 \{ flowId: string, resendAfter: integer ≥ 0 \}`/);
  assert.match(rows.join('\n'), /`\{ code: string matching \/\^\[0-9\]\{6\}\$\/ \}`/);
});
