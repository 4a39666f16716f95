/**
 * Emails carry the pack's logo as the PNG the build makes of it (Gmail and Outlook show no SVG),
 * and their sender name is the tenant's displayName: a real server, real SMTP, the raw message.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { mailLogoPng } from '../../../scripts/mail-logo.js';
import { startTestServer, type TestServer } from '../support/in-process.js';
import { freshDataDir, removeDir } from '../support/data-dir.js';
import { apiOf } from '../support/http.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';

const ada = 'ada@contoso.example';
const pngSignature = '89504e470d0a1a0a';

/** The MIME part whose headers match `pattern`: its headers and its decoded body. */
function part(raw: string, pattern: RegExp): { headers: string; body: Buffer } | undefined {
  for (const chunk of raw.split(/\r?\n--[^\r\n]+\r?\n/)) {
    const [headers = '', ...rest] = chunk.split(/\r?\n\r?\n/);
    if (!pattern.test(headers)) continue;
    const body = rest.join('\n\n').replace(/\r?\n--[^\r\n]*--\s*$/, '');
    return { headers, body: Buffer.from(body.replace(/\s+/g, ''), 'base64') };
  }
  return undefined;
}

describe('email branding', () => {
  let dataDir: string;
  let sink: SmtpSink;
  let server: TestServer;

  before(async () => {
    dataDir = await freshDataDir();
    sink = await startSmtpSink();
    server = await startTestServer({ dataDir, smtpUrl: sink.url });
  });

  after(async () => {
    await server?.close();
    await sink?.close();
    removeDir(dataDir);
  });

  it('makes a PNG of an SVG logo, drawn at twice its size', async () => {
    const png = Buffer.from(
      await mailLogoPng(readFileSync('themes/contoso/assets/banner-logo.svg')),
    );
    assert.equal(png.subarray(0, 8).toString('hex'), pngSignature);
    // IHDR: width and height, big-endian, after the signature and the chunk's length and type.
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [400, 96]);
  });

  it('sends the PNG logo inline, no SVG, from the tenant’s name', async () => {
    const started = await apiOf(server.url).post('/password-reset', { email: ada });
    assert.equal(started.status, 202);
    const mail = await sink.waitFor(ada);
    assert.match(mail.headers.get('from') ?? '', /^"?Contoso"? <no-reply@gatehouse\.test>$/);
    assert.match(mail.html, /<img src="cid:logo"/);
    const logo = part(mail.raw, /content-id:\s*<logo>/i);
    assert.ok(logo, 'an inline part with Content-ID <logo>');
    assert.match(logo.headers, /content-type:\s*image\/png/i);
    assert.equal(logo.body.subarray(0, 8).toString('hex'), pngSignature);
    assert.equal(
      logo.body.compare(readFileSync('dist/themes/contoso/mail-logo.png')),
      0,
      'the PNG the build made',
    );
    assert.doesNotMatch(mail.raw, /image\/svg\+xml/i);
    assert.doesNotMatch(mail.html, /<svg/i);
  });
});
