/**
 * The conformance suite against the real server: in process (for its clock), on the embedded
 * database, its mail read from an SMTP sink as a user would read it.
 */
import { addUser, startTestServer } from '../server/support/in-process.js';
import { freshDataDir, removeDir } from '../server/support/data-dir.js';
import { codeIn, startSmtpSink } from '../server/support/smtp-sink.js';
import { conformanceAccounts, contractSuite } from './contract-suite.js';

contractSuite('the server', async () => {
  const dataDir = await freshDataDir();
  const sink = await startSmtpSink();
  const server = await startTestServer({ dataDir, smtpUrl: sink.url });
  for (const { email, password } of conformanceAccounts) await addUser(dataDir, email, password);
  return {
    base: `${server.url}/api/v1`,
    async code(email, nth) {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const codes = sink.to(email).filter((mail) => /^\s{4}\d{6}$/m.test(mail.text));
        if (codes.length >= nth) return codeIn(codes[nth - 1]!);
        if (Date.now() > deadline)
          throw new Error(`No code #${nth} to ${email} (got ${codes.length})`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    advance: (ms) => server.clock.advance(ms),
    async close() {
      await server.close();
      await sink.close();
      removeDir(dataDir);
    },
  };
});
