/**
 * `npm run tenant:check` as operators run it: a real process, its exit code and its output.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

function check(...args: string[]) {
  return new Promise<{ code: number; errors: string[]; summary: string }>((resolve) => {
    execFile(
      './node_modules/.bin/tsx',
      ['scripts/tenant-check.ts', ...args],
      (error, stdout, stderr) =>
        resolve({
          code: error ? Number(error.code) : 0,
          errors: stderr.trim().split('\n').filter(Boolean),
          summary: stdout.trim(),
        }),
    );
  });
}

describe('npm run tenant:check', { concurrency: true }, () => {
  it('passes the shipped tenants and their packs', async () => {
    const result = await check();
    assert.deepEqual(result.errors, []);
    assert.equal(result.code, 0);
    assert.match(result.summary, /3 tenant\(s\), 3 pack\(s\), no problems/);
  });

  it('catches a tenant whose pack does not exist, naming file and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatehouse-tenants-'));
    try {
      cpSync('tenants', dir, { recursive: true });
      const contoso = JSON.parse(readFileSync('tenants/contoso.json', 'utf8')) as object;
      writeFileSync(join(dir, 'contoso.json'), JSON.stringify({ ...contoso, theme: 'contsoo' }));
      const result = await check(dir);
      assert.equal(result.code, 1);
      assert.deepEqual(result.errors, [
        `${dir}/contoso.json: theme: no theme pack "contsoo" (no themes/contsoo/; packs: contoso, default, fabrikam, midnight)`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the problems of a tenant file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatehouse-tenants-'));
    try {
      writeFileSync(join(dir, 'broken.json'), '{ "id": ');
      const result = await check(dir);
      assert.equal(result.code, 1);
      assert.match(result.errors.join('\n'), /broken\.json: \(top level\): is not valid JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
