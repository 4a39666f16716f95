/**
 * `npm run serve` starts the server with the same node arguments as the tests and the benchmark.
 * Run with `npm run test:node`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { serverArguments } from './build-server.js';

describe('server build', () => {
  it('is served by package.json with the arguments the tests and the benchmark use', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as {
      scripts: Record<string, string>;
    };
    assert.ok(
      scripts.serve?.endsWith(`&& node ${serverArguments.join(' ')}`),
      `package.json "serve" is ${JSON.stringify(scripts.serve)}; it should run node ${serverArguments.join(' ')}`,
    );
  });
});
