import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readServerConfig } from '../../src/server/config.js';

describe('server/config', () => {
  it('has the documented defaults', () => {
    const config = readServerConfig({});
    assert.deepEqual(
      [
        config.port,
        config.host,
        config.dataDir,
        config.databaseUrl,
        config.smtpUrl,
        config.publicUrl,
      ],
      [8080, '127.0.0.1', './.data', undefined, undefined, undefined],
    );
  });

  it('reads the environment and names every bad variable', () => {
    const config = readServerConfig({
      PORT: '9000',
      DATABASE_URL: 'postgres://u@127.0.0.1:5432/db',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      MAIL_FROM: 'id@contoso.example',
      TRUSTED_PROXIES: '10.0.0.1, 10.0.0.2',
      PUBLIC_URL: '',
    });
    assert.deepEqual(
      [
        config.port,
        config.databaseUrl,
        config.smtpUrl,
        config.mailFrom,
        config.trustedProxies,
        config.publicUrl,
      ],
      [
        9000,
        'postgres://u@127.0.0.1:5432/db',
        'smtp://127.0.0.1:2525',
        'id@contoso.example',
        ['10.0.0.1', '10.0.0.2'],
        undefined,
      ],
    );
    assert.throws(
      () =>
        readServerConfig({
          PORT: 'eighty',
          SMTP_URL: 'http://mail',
          DATABASE_URL: 'mysql://x',
          MAIL_FROM: 'nobody',
        }),
      (error: Error) =>
        ['PORT', 'SMTP_URL', 'DATABASE_URL', 'MAIL_FROM'].every((name) =>
          error.message.includes(`${name}:`),
        ),
    );
  });
});
