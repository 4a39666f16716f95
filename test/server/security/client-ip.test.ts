import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientIp } from '../../../src/server/security/client-ip.js';

const proxies = new Set(['10.0.0.1', '10.0.0.2']);

describe('server/security/client-ip', () => {
  it('trusts X-Forwarded-For only from configured proxies, read from the right (rule 16)', () => {
    const table: [string, string | undefined, string][] = [
      ['192.0.2.7', undefined, '192.0.2.7'],
      ['192.0.2.7', '203.0.113.9', '192.0.2.7'],
      ['10.0.0.1', '203.0.113.9', '203.0.113.9'],
      ['10.0.0.1', '1.1.1.1, 203.0.113.9', '203.0.113.9'],
      ['10.0.0.1', '203.0.113.9, 10.0.0.2', '203.0.113.9'],
      ['10.0.0.1', '10.0.0.2', '10.0.0.1'],
      ['::ffff:192.0.2.7', undefined, '192.0.2.7'],
      ['::ffff:10.0.0.1', '203.0.113.9', '203.0.113.9'],
    ];
    for (const [remote, forwarded, expected] of table) {
      assert.equal(clientIp(remote, forwarded, proxies), expected, `${remote} ${forwarded}`);
    }
  });
});
