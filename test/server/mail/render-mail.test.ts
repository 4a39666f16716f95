import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MailBrand } from '../../../src/server/mail/mail-brand.js';
import { renderMail } from '../../../src/server/mail/render-mail.js';

const text = {
  subject: 'Your <b>Evil</b> verification code',
  heading: 'Hello "there" & <script>window.__gateXss=1</script>',
  intro: ['<img src=x onerror=window.__gateXss=1>'],
  code: '123456',
  outro: ['Bye'],
  footer: 'Sent by Evil',
};

const brand: MailBrand = {
  name: 'Evil <Corp>',
  colours: {
    brand: '#00665e',
    onBrand: '#ffffff',
    background: '#eef5f4',
    surface: '#ffffff',
    text: '#10201e',
    textQuiet: '#3f5653',
  },
  fontFamily: "'Segoe UI', sans-serif",
  radius: '4px',
  logo: {
    filename: 'logo.png',
    contentType: 'image/png',
    content: Buffer.from('89504e470d0a1a0a', 'hex'),
  },
  footerLinks: [{ label: 'Privacy "policy"', href: 'https://evil.example/privacy?a=1&b=2' }],
};

describe('server/mail/render-mail', () => {
  it('escapes every piece of text in the HTML part', () => {
    const { html } = renderMail(text, brand, 'en');
    assert.doesNotMatch(html, /<script>|<img src=x|<b>Evil/);
    assert.match(html, /&lt;script&gt;window\.__gateXss=1&lt;\/script&gt;/);
    assert.match(html, /alt="Evil &lt;Corp&gt;"/);
    assert.match(html, /href="https:\/\/evil\.example\/privacy\?a=1&amp;b=2"/);
  });

  it('brands the HTML with the theme and keeps a plain-text part with the code', () => {
    const mail = renderMail(text, brand, 'nl');
    assert.match(mail.html, /<html lang="nl">/);
    assert.match(mail.html, /border-top:6px solid #00665e/);
    assert.match(mail.html, /src="cid:logo"/);
    assert.deepEqual(
      mail.attachments.map((attachment) => attachment.cid),
      ['logo'],
    );
    assert.match(mail.text, /^ {4}123456$/m);
    assert.match(mail.text, /Privacy "policy": https:\/\/evil\.example\/privacy\?a=1&b=2/);
  });

  it('falls back to the brand name without colours when there is no theme', () => {
    const mail = renderMail(
      text,
      { ...brand, colours: undefined, logo: undefined, footerLinks: [] },
      'en',
    );
    assert.match(mail.html, /<strong style="font-size:20px">Evil &lt;Corp&gt;<\/strong>/);
    assert.doesNotMatch(mail.html, /#[0-9a-f]{6}/);
    assert.deepEqual(mail.attachments, []);
  });
});
