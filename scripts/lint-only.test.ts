/** The lint rule against a committed `.only`, in browser (mocha) and node (node:test) tests alike. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint();

/** The messages of the rule against `.only` for `code` as the file `filePath`. */
async function onlyMessages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages
    .filter((message) => message.ruleId === 'no-restricted-syntax')
    .map((message) => message.message);
}

const focused = [
  "it.only('runs alone', () => {});",
  "describe.only('runs alone', () => {});",
  "test.only('runs alone', () => {});",
  "context.only('runs alone', () => {});",
  "it('runs alone', { only: true }, () => {});",
  "describe('runs alone', { only: true }, () => {});",
];

describe('lint: no committed .only', () => {
  for (const file of ['test/components/x.test.ts', 'test/server/x.test.ts', 'scripts/x.test.ts']) {
    it(`fails every form of .only in ${file}`, async () => {
      for (const code of focused) {
        assert.equal((await onlyMessages(code, file)).length, 1, code);
      }
    });
  }

  it('leaves tests without .only, and .only on other objects, alone', async () => {
    const fine = "it('runs', () => {}); describe('all', () => {}); const only = { only: 1 }.only;";
    assert.deepEqual(await onlyMessages(fine, 'test/server/x.test.ts'), []);
  });
});
