/** What `npm run i18n:check` calls a stale translation: English text changed since the last extract. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { staleSources, xliffSources } from './xliff-sources.js';

const unit = (id: string, source: string) =>
  `<trans-unit id="${id}">\n  <source>${source}</source>\n  <target>Vertaald</target>\n</trans-unit>\n`;

describe('scripts/xliff-sources', () => {
  it('reads each id with its English text, placeholders included', () => {
    const xliff = unit('a', 'Tries left: <x id="0" equiv-text="${n}"/>.') + unit('b', 'Hello');
    assert.deepEqual(
      [...xliffSources(xliff)],
      [
        ['a', 'Tries left: <x id="0" equiv-text="${n}"/>.'],
        ['b', 'Hello'],
      ],
    );
  });

  it('names the messages whose English changed, appeared or went away', () => {
    const committed = unit('same', 'Same') + unit('changed', 'Old text') + unit('gone', 'Gone');
    const extracted = unit('same', 'Same') + unit('changed', 'New text') + unit('new', 'New');
    assert.deepEqual(staleSources(extracted, committed), ['changed', 'gone', 'new']);
    assert.deepEqual(staleSources(committed, committed), []);
  });
});
