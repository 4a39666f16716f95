/**
 * The server's settings, from the environment (docs/server.md#environment). Checked at start:
 * a bad value stops the server with a message that names the variable.
 */
import * as z from 'zod';

const port = z.coerce.number().int().min(0).max(65_535);
const url = (protocols: string[]) =>
  z.string().refine((value) => URL.canParse(value) && protocols.includes(new URL(value).protocol), {
    message: `must be a URL starting with ${protocols.join(' or ')}//`,
  });

const environmentSchema = z.object({
  PORT: port.default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./.data'),
  DATABASE_URL: z.optional(url(['postgres:', 'postgresql:'])),
  SMTP_URL: z.optional(url(['smtp:', 'smtps:'])),
  MAIL_FROM: z.email().default('no-reply@gatehouse.localhost'),
  PUBLIC_URL: z.optional(url(['http:', 'https:'])),
  TRUSTED_PROXIES: z.string().default(''),
  CODE_HASH_KEY: z.optional(z.string().min(1)),
  MAIL_KEY: z.optional(z.string().min(1)),
  TENANTS_DIR: z.string().min(1).default('./tenants'),
  DIST_DIR: z.string().min(1).default('./dist'),
  SIGNING_KEY_REFRESH_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
});

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Where users reach the server (behind a proxy, its https address); decides HSTS and the cookie prefix. */
  publicUrl: string | undefined;
  /** Addresses of reverse proxies whose X-Forwarded-For is believed (docs/security.md#rule-16). */
  trustedProxies: string[];
  /** The HMAC key for codes; several instances on one database must share it. */
  codeHashKey: string | undefined;
  /** The AES key that seals queued email at rest; several instances on one database must share it. */
  mailKey: string | undefined;
  tenantsDir: string;
  distDir: string;
  /** How often an instance looks for a rotated signing key in the database. */
  signingKeyRefreshSeconds: number;
}

export function readServerConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Invalid environment:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl: e.PUBLIC_URL,
    trustedProxies: e.TRUSTED_PROXIES.split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
    codeHashKey: e.CODE_HASH_KEY,
    mailKey: e.MAIL_KEY,
    tenantsDir: e.TENANTS_DIR,
    distDir: e.DIST_DIR,
    signingKeyRefreshSeconds: e.SIGNING_KEY_REFRESH_SECONDS,
  };
}

/** Where users reach the server: PUBLIC_URL, else the address it listens on. */
export function serverBase(config: ServerConfig, port = config.port): string {
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return config.publicUrl?.replace(/\/+$/, '') ?? `http://${host}:${port}`;
}
