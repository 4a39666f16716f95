import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  passwordChangedText,
  resetNotAllowedText,
  verificationCodeText,
} from '../../../src/server/mail/mail-text.js';
import { translator } from '../../../src/i18n/translator.js';
import { formatDuration } from '../../../src/i18n/duration.js';
import type { SupportedLocale } from '../../../src/i18n/negotiate-locale.js';

const all = (locale: SupportedLocale) => {
  const msg = translator(locale);
  return [
    verificationCodeText(msg, {
      tenant: 'Contoso',
      code: '042917',
      purpose: 'reset',
      validFor: formatDuration(600, locale),
    }),
    verificationCodeText(msg, {
      tenant: 'Contoso',
      code: '042917',
      purpose: 'confirm',
      validFor: formatDuration(600, locale),
    }),
    resetNotAllowedText(msg, { tenant: 'Contoso' }),
    passwordChangedText(msg, {
      tenant: 'Contoso',
      changedAt: Date.UTC(2026, 4, 1, 9, 30),
      locale,
      timeZone: undefined,
    }),
  ];
};

describe('server/mail/mail-text', () => {
  it('has every email message translated in every XLIFF file', () => {
    const ids = ['mail-text.ts', 'rollout-text.ts'].flatMap((file) =>
      [...readFileSync(`src/server/mail/${file}`, 'utf8').matchAll(/id: '(mail_\w+)'/g)].map(
        (match) => match[1]!,
      ),
    );
    assert.ok(ids.length >= 29);
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
    assert.equal(notice!.heading, 'Je kunt je wachtwoord niet zelf opnieuw instellen');
    assert.match(
      changed!.intro[0]!,
      /^Het wachtwoord van je Contoso-account is gewijzigd op 1 mei 2026 om 09:30 UTC\./,
    );
    assert.equal(all('sv')[0]!.subject, 'Din verifieringskod för Contoso');
    assert.equal(all('en')[0]!.subject, 'Your Contoso verification code');
  });

  it("gives the time of a password change in the tenant's time zone, as the language writes it", () => {
    const changedAt = Date.UTC(2026, 4, 1, 9, 30);
    const cases = [
      ['en', undefined, 'on May 1, 2026 at 9:30 AM UTC.'],
      ['en', 'America/New_York', 'on May 1, 2026 at 5:30 AM EDT.'],
      ['nl', 'Europe/Amsterdam', 'op 1 mei 2026 om 11:30 CEST.'],
      ['sv', 'Europe/Stockholm', 'den 1 maj 2026 kl. 11:30 CEST.'],
      ['sv', undefined, 'den 1 maj 2026 kl. 09:30 UTC.'],
    ] as const;
    for (const [locale, timeZone, moment] of cases) {
      const text = passwordChangedText(translator(locale), {
        tenant: 'Contoso',
        changedAt,
        locale,
        timeZone,
      });
      assert.ok(text.intro[0]!.includes(moment), `${locale} ${timeZone}: ${text.intro[0]}`);
    }
  });

  it("names a code's lifetime with each language's plural forms", () => {
    const lifetimes = [
      ['en', 60, 'The code is valid for 1 minute.'],
      ['en', 600, 'The code is valid for 10 minutes.'],
      ['nl', 60, 'De code is 1 minuut geldig.'],
      ['sv', 60, 'Koden gäller i 1 minut.'],
      ['sv', 3600, 'Koden gäller i 1 timme.'],
    ] as const;
    for (const [locale, seconds, sentence] of lifetimes) {
      const text = verificationCodeText(translator(locale), {
        tenant: 'Contoso',
        code: '042917',
        purpose: 'reset',
        validFor: formatDuration(seconds, locale),
      });
      assert.ok(
        text.outro[0]!.startsWith(`${sentence} `),
        `${locale} ${seconds}: ${text.outro[0]}`,
      );
    }
  });

  it('names the page an email points to, never "here" or "this page"', () => {
    // Read in a mailbox, "here" is the mailbox.
    const vague = {
      en: [/\bhere\b/i, /\bthis page\b/i],
      nl: [/\bhier\b/i, /\bdeze pagina\b/i],
      sv: [/\bhär\s*[.,]/i, /\bgöra här\b/i, /\blösenord här\b/i, /\bden här sidan\b/i],
    } as const;
    const link = {
      en: "on the Contoso sign-in page, choose “Can't access your account?”",
      nl: 'kies op de inlogpagina van Contoso ‘Kun je niet bij je account?’',
      sv: 'välj ”Kommer du inte in på ditt konto?” på inloggningssidan för Contoso',
    } as const;
    for (const locale of ['en', 'nl', 'sv'] as const) {
      const texts = all(locale);
      for (const line of texts.flatMap((text) => [text.subject, text.heading, ...text.intro])) {
        for (const pattern of vague[locale])
          assert.doesNotMatch(line, pattern, `${locale}: ${line}`);
      }
      const changed = texts[3]!;
      assert.ok(changed.intro[1]!.includes(link[locale]), `${locale}: ${changed.intro[1]}`);
    }
    // The link is named as the tenant words it on its page.
    const renamed = passwordChangedText(
      translator('en', { forgotpassword_link: 'Forgot your password?' }),
      { tenant: 'Contoso', changedAt: 0, locale: 'en', timeZone: undefined },
    );
    assert.match(renamed.intro[1]!, /choose “Forgot your password\?”/);
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
