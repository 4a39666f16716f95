/**
 * The sign-in page's first load stays within bench/size-budget.json: a real production build,
 * measured as the browser would fetch it (bytes are stable where times are not).
 * Run with `npm run test:node`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildPages,
  firstLoad,
  overBudget,
  readBudget,
  removeBuild,
  stableName,
  type FirstLoadFile,
} from './size-budget.js';

const file = (name: string, gzip: number): FirstLoadFile => ({
  name,
  file: name,
  raw: gzip * 3,
  gzip,
  brotli: gzip,
});

describe('size budget', () => {
  it('keeps the sign-in page first load within the budget', async () => {
    const outDir = await buildPages();
    try {
      const files = await firstLoad(outDir);
      assert.ok(files.some((entry) => entry.name === 'assets/index.js'));
      const problem = overBudget(files, await readBudget());
      if (problem) assert.fail(problem);
    } finally {
      await removeBuild(outDir);
    }
  });

  it('names the files that grew, biggest growth first, and new files', () => {
    const budget = {
      goalBytes: 100,
      budgetBytes: 1000,
      libraryBudgetBytes: 2000,
      recorded: { 'assets/index.js': 700, 'assets/lit.js': 250 },
    };
    const problem = overBudget(
      [file('assets/index.js', 760), file('assets/lit.js', 240), file('assets/zod.js', 90)],
      budget,
    );
    assert.deepEqual(problem?.split('\n  '), [
      "The sign-in page's first load is 1,090 B gzip, over the budget of 1,000 B (bench/size-budget.json).",
      'assets/zod.js is new: 90 B',
      'assets/index.js grew by 60 B (700 B -> 760 B)',
    ]);
    assert.equal(overBudget([file('assets/index.js', 1000)], budget), undefined);
  });

  it('names outputs without their content hash', () => {
    const cases = [
      ['assets/index-BB4z-ahf.js', 'assets/index.js'],
      ['assets/reset-code-page-d5ehwLyG.js', 'assets/reset-code-page.js'],
      ['assets/index-Cx_1a2b3.css', 'assets/index.css'],
    ] as const;
    for (const [output, name] of cases) assert.equal(stableName(output), name);
  });
});
