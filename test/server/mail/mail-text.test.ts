import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  passwordChangedText,
  resetNotAllowedText,
  verificationCodeText,
} from '../../../src/server/mail/mail-text.js';
import { translator } from '../../../src/server/i18n/translate.js';
import type { SupportedLocale } from '../../../src/i18n/negotiate-locale.js';

const all = (locale: SupportedLocale) => {
  const msg = translator(locale);
  return [
    verificationCodeText(msg, { tenant: 'Contoso', code: '042917', purpose: 'reset', minutes: 10 }),
    verificationCodeText(msg, {
      tenant: 'Contoso',
      code: '042917',
      purpose: 'confirm',
      minutes: 10,
    }),
    resetNotAllowedText(msg, { tenant: 'Contoso' }),
    passwordChangedText(msg, { tenant: 'Contoso', when: '1 May 2026 09:30 UTC' }),
  ];
};

describe('server/mail/mail-text', () => {
  it('has every email message translated in every XLIFF file', () => {
    const ids = [
      ...readFileSync('src/server/mail/mail-text.ts', 'utf8').matchAll(/id: '(mail_\w+)'/g),
    ].map((match) => match[1]!);
    assert.ok(ids.length >= 15);
    for (const file of ['locales/nl.xlf', 'locales/sv.xlf']) {
      const xliff = readFileSync(file, 'utf8');
      for (const id of ids) {
        assert.match(
          xliff,
          new RegExp(`<trans-unit id="${id}">\\s*<source>[^]*?</source>\\s*<target>`),
          `${file}: ${id}`,
        );
      }
    }
  });

  it('writes each email in the locale asked for, values in their places', () => {
    const [code, , notice, changed] = all('nl');
    assert.equal(code!.subject, 'Je verificatiecode voor Contoso');
    assert.equal(
      code!.outro[0],
      'De code is 10 minuten geldig. Deel hem met niemand: Contoso vraagt je er nooit naar.',
    );
    assert.equal(notice!.heading, 'Je kunt je wachtwoord hier niet opnieuw instellen');
    assert.match(
      changed!.intro[0]!,
      /^Het wachtwoord van je Contoso-account is gewijzigd op 1 May 2026 09:30 UTC\./,
    );
    assert.equal(all('sv')[0]!.subject, 'Din verifieringskod för Contoso');
    assert.equal(all('en')[0]!.subject, 'Your Contoso verification code');
  });

  it('never leaves English in a Dutch or Swedish email, nor a placeholder unfilled', () => {
    const english = all('en').flatMap((text) => [
      text.subject,
      text.heading,
      ...text.intro,
      ...text.outro,
      text.footer,
    ]);
    for (const locale of ['nl', 'sv'] as const) {
      for (const text of all(locale)) {
        for (const line of [
          text.subject,
          text.heading,
          ...text.intro,
          ...text.outro,
          text.footer,
        ]) {
          assert.ok(!english.includes(line), `${locale}: "${line}" is English`);
          assert.doesNotMatch(line, /\$\{|undefined/);
        }
      }
    }
  });
});
