import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { staleReason } from './build-pages.js';

describe('scripts/build-pages', () => {
  it('builds when dist/ is missing, a mock build or older than its sources', () => {
    const dist = mkdtempSync(join(tmpdir(), 'gatehouse-dist-'));
    try {
      assert.match(staleReason(join(dist, 'none')) ?? '', /index\.html is missing/);
      writeFileSync(join(dist, 'index.html'), '<!doctype html>');
      writeFileSync(join(dist, 'mockServiceWorker.js'), '');
      assert.match(staleReason(dist) ?? '', /holds a mock build/);
      rmSync(join(dist, 'mockServiceWorker.js'));
      utimesSync(join(dist, 'index.html'), new Date(0), new Date(0));
      assert.match(staleReason(dist) ?? '', /changed since the last build/);
      const future = new Date(Date.now() + 3_600_000);
      utimesSync(join(dist, 'index.html'), future, future);
      assert.equal(staleReason(dist), undefined);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
