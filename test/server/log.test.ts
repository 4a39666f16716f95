import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLogger } from '../../src/server/log.js';

describe('server/log', () => {
  it('writes one JSON object per line and drops fields that could carry a secret', () => {
    const lines: string[] = [];
    const log = createLogger((line) => lines.push(line));
    log.info('sign_in', {
      tenant: 'contoso',
      password: 'hunter2',
      code: '123456',
      Cookie: 'x',
      ms: 5,
    });
    log.warn('odd', { message: 'line one\nline two' });
    assert.equal(lines.length, 2);
    assert.ok(lines.every((line) => line.endsWith('\n') && !line.slice(0, -1).includes('\n')));
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    assert.deepEqual(Object.keys(entry), ['time', 'level', 'event', 'tenant', 'ms']);
    assert.ok(!lines[0]!.includes('hunter2') && !lines[0]!.includes('123456'));
  });
});
