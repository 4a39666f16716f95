/**
 * docs/elements.md's reference is the manifest's: every element and event the code defines is in
 * it, with what the JSDoc says, and the page on disk is what `npm run docs:elements` writes.
 */
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { before, test } from 'node:test';
import { analyzeElements, type ElementsManifest } from './elements-manifest.js';
import { elementsPage, pageWithReference } from './element-docs.js';

let manifest: ElementsManifest;
let page: string;

before(async () => {
  manifest = JSON.parse(await analyzeElements()) as ElementsManifest;
  page = await readFile(elementsPage, 'utf8');
});

test('docs/elements.md holds the reference the manifest makes', async () => {
  assert.equal(
    page,
    await pageWithReference(page, manifest),
    `${elementsPage} is stale: run \`npm run docs:elements\``,
  );
});

test('every element the code registers has its section, and every event its row', async () => {
  const sources = ['src/app', 'src/pages', 'src/components', 'src/events'];
  const tags: string[] = [];
  const events: string[] = [];
  for (const folder of sources) {
    for (const file of await readdir(folder)) {
      const text = await readFile(`${folder}/${file}`, 'utf8');
      tags.push(...[...text.matchAll(/@customElement\('([\w-]+)'\)/g)].map((match) => match[1]!));
      events.push(
        ...[...text.matchAll(/^\s+'(gate-[\w-]+)': \w+Event;$/gm)].map((match) => match[1]!),
      );
    }
  }
  assert.ok(tags.length >= 18 && events.length >= 10);
  for (const tag of tags) assert.match(page, new RegExp(`### \`<${tag}>\``), tag);
  for (const event of events)
    assert.match(page, new RegExp(`\\| \`${event}\` +\\| \`\\w+Event\``), event);
  assert.match(
    page,
    /\| `gate-step-submit` +\| `StepSubmitEvent` +\| `submission: StepSubmission`/,
  );
  assert.match(page, /\| `heading-level` +\|/);
  assert.match(page, /\| `icon` +\| The leading symbol\. +\|/);
});
