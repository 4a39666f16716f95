/**
 * `npm run theme:shots <pack>`: the contact sheet a brand review reads, for a shipped pack.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { previewMailKinds } from '../src/studio/email-preview.js';
import { previewStates, previewSteps } from '../src/studio/preview-states.js';
import { themeShots } from './theme-shots.js';

describe('npm run theme:shots', () => {
  it(
    'writes every step × state × locale × width, every email, and an overview, as PNG',
    { timeout: 300_000 },
    async () => {
      const folder = mkdtempSync(join(tmpdir(), 'gatehouse-shots-'));
      try {
        await themeShots('midnight', folder);
        const expected = ['en', 'nl', 'sv'].flatMap((locale) =>
          ['phone', 'desktop'].flatMap((width) =>
            previewSteps.flatMap((step) =>
              previewStates[step].map((state) => `${locale}-${width}-${step}-${state}.png`),
            ),
          ),
        );
        const emails = ['en', 'nl', 'sv'].flatMap((locale) =>
          previewMailKinds.map((kind) => `${locale}-email-${kind}.png`),
        );
        assert.deepEqual(
          readdirSync(folder).sort(),
          [...expected, ...emails, 'overview.png'].sort(),
        );
        for (const name of [
          'overview.png',
          'sv-phone-sign-in-wrong-password.png',
          'nl-email-verification-code.png',
        ]) {
          const png = readFileSync(join(folder, name));
          assert.equal(png.subarray(0, 8).toString('hex'), '89504e470d0a1a0a');
          // A phone-width shot is as wide as the phone, in CSS pixels.
          if (name.includes('phone')) assert.ok(png.readUInt32BE(16) <= 390);
        }
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  );
});
