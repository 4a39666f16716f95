/**
 * `admin rollout send`: announces self-service reset to a tenant's users (or one group) with one
 * of three emails (mail/rollout-text.ts). A dry run counts the recipients by language and writes a
 * preview of the message in each of those languages; a send queues the recipients at `--rate` per
 * second (rollout-commands.ts records each one, so a rerun sends only what is missing) and
 * follows the mail queue until every message is handed over.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { SupportedLocale } from '../../i18n/negotiate-locale.js';
import type { Tenant } from '../../tenant/tenant.schema.js';
import type { BrandSource } from '../mail/mail-brand.js';
import { mailText } from '../mail/mailer.js';
import { renderMail } from '../mail/render-mail.js';
import { rolloutTemplates, type RolloutTemplate } from '../store/rollout-sends.js';
import type { TenantRegistry } from '../tenants.js';
import { rolloutBatchMax, type AdminRequest, type AdminResult } from './admin-request.schema.js';
import type { RolloutPlan, RolloutProgress } from './rollout-commands.js';

export interface RolloutOptions {
  tenant: Tenant;
  template: RolloutTemplate;
  group: string | undefined;
  dryRun: boolean;
  /** Recipients queued per second. */
  rate: number;
  previewDir: string;
}

export const defaultRate = 10;

export function parseRolloutArgs(argv: string[], tenants: TenantRegistry): RolloutOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      tenant: { type: 'string' },
      template: { type: 'string' },
      group: { type: 'string' },
      'dry-run': { type: 'boolean' },
      rate: { type: 'string' },
      preview: { type: 'string' },
    },
  });
  const tenant = tenants.get(values.tenant ?? '');
  if (!tenant) throw new Error(`--tenant must be one of: ${[...tenants.keys()].join(', ')}`);
  const template = rolloutTemplates.find((name) => name === values.template);
  if (!template) throw new Error(`--template must be one of: ${rolloutTemplates.join(', ')}`);
  const rate =
    values.rate === undefined ? defaultRate : Number(/^(\d+)(\/s)?$/.exec(values.rate)?.[1]);
  if (!Number.isInteger(rate) || rate < 1 || rate > rolloutBatchMax) {
    throw new Error(`--rate must be messages per second, e.g. 20/s, from 1 to ${rolloutBatchMax}`);
  }
  if (values.preview !== undefined && !values['dry-run']) {
    throw new Error('--preview goes with --dry-run');
  }
  return {
    tenant,
    template,
    group: values.group,
    dryRun: values['dry-run'] ?? false,
    rate,
    previewDir: values.preview ?? 'rollout-preview',
  };
}

type Run = (request: AdminRequest) => Promise<AdminResult>;

async function ask<T>(run: Run, request: AdminRequest): Promise<T> {
  const result = await run(request);
  if (!result.ok) throw new Error(result.error);
  return result.data as T;
}

const audienceText = (options: RolloutOptions) =>
  options.group === undefined
    ? `every user of ${options.tenant.id}`
    : `group "${options.group}" of ${options.tenant.id}`;

/** The dry run: the count by language, and the message as each of those languages shows it. */
export async function rolloutDryRun(
  options: RolloutOptions,
  run: Run,
  brand: BrandSource,
): Promise<string[]> {
  const { tenant, template } = options;
  const plan = await ask<RolloutPlan>(run, {
    command: 'rollout-plan',
    tenant: tenant.id,
    template,
    ...(options.group === undefined ? {} : { group: options.group }),
  });
  const locales = Object.keys(plan.byLocale) as SupportedLocale[];
  const lines = [
    `Dry run: "${template}" would go to ${plan.unsent} users (${audienceText(options)}${template === 'reminder' ? ', recovery email not confirmed' : ''}); ${plan.alreadySent} already have it. Nothing sent.`,
    ...locales.map((locale) => `  ${locale}  ${String(plan.byLocale[locale]).padStart(6)}`),
  ];
  const dir = resolve(options.previewDir);
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const locale of locales.length > 0 ? locales : [tenant.defaultLocale as SupportedLocale]) {
    const look = await brand(tenant.theme, tenant.displayName, locale);
    const request = {
      tenant,
      to: 'preview@example.invalid',
      locale,
      content: { kind: 'rollout', template },
    } as const;
    const mail = renderMail(mailText(request), look, locale);
    const base = join(dir, `${template}.${locale}`);
    // The logo travels as an attachment (cid:logo); beside the preview it is a file.
    const logo = mail.attachments.find((attachment) => attachment.cid === 'logo');
    if (logo) await writeFile(join(dir, `${tenant.id}-logo.png`), logo.content);
    await writeFile(`${base}.html`, mail.html.replaceAll('cid:logo', `${tenant.id}-logo.png`));
    await writeFile(`${base}.txt`, `Subject: ${mail.subject}\n\n${mail.text}`);
    written.push(`${base}.html`);
  }
  lines.push(`Previews: ${written.join(', ')} (and .txt beside each)`);
  if (template === 'reminder' && tenant.reconfirmEmailAfterDays === 0) {
    lines.push(
      `Note: ${tenant.id} never asks for the recovery email at sign-in (reconfirmEmailAfterDays is 0), which the reminder tells users to expect.`,
    );
  }
  return lines;
}

export interface SendProgress {
  update(state: { queued: number; delivered: number; total: number }): void;
  done(state: { queued: number; delivered: number; total: number }): void;
}

/** Queues `rate` recipients a second until none is left, then follows delivery to the end. */
export async function rolloutSend(
  options: RolloutOptions,
  run: Run,
  progress: SendProgress,
  pauseMs = 1_000,
): Promise<string[]> {
  const { tenant, template } = options;
  const request = (limit: number) =>
    ask<RolloutProgress>(run, {
      command: 'rollout-queue',
      tenant: tenant.id,
      template,
      limit,
      ...(options.group === undefined ? {} : { group: options.group }),
    });
  const start = await request(0);
  const waitingBefore = start.waiting;
  const total = start.remaining;
  let queued = 0;
  let state = start;
  const delivered = () => Math.max(0, Math.min(queued, queued + waitingBefore - state.waiting));
  while (state.remaining > 0) {
    const began = Date.now();
    state = await request(options.rate);
    queued += state.queued;
    progress.update({ queued, delivered: delivered(), total });
    if (state.queued === 0) break;
    await pause(Math.max(0, pauseMs - (Date.now() - began)));
  }
  // Followed while the queue moves: a mail server that refuses for long is retried in the
  // background (by the server, or by this command's next run), not waited for here.
  let movedAt = Date.now();
  while (state.waiting > 0 && delivered() < queued && Date.now() - movedAt < stallMs) {
    await pause(Math.min(pauseMs, 500));
    const before = state.waiting;
    state = await request(0);
    if (state.waiting < before) movedAt = Date.now();
    progress.update({ queued, delivered: delivered(), total });
  }
  progress.done({ queued, delivered: delivered(), total });
  const lines = [
    `Sent "${template}" to ${queued} users (${audienceText(options)}); ${start.alreadySent} had it already.`,
  ];
  if (state.waiting > 0) {
    lines.push(
      `${state.waiting} wait in the mail queue and are retried: by the server, or by the next "rollout send" when none runs ("mail dead-letters" lists those given up).`,
    );
  }
  return lines;
}

const stallMs = 30_000;
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A bar redrawn in place on a terminal; a plain line per tenth elsewhere (logs, CI). */
export function sendProgress(stream: NodeJS.WriteStream): SendProgress {
  let lastTenth = -1;
  const text = ({ queued, delivered, total }: Parameters<SendProgress['update']>[0]) =>
    `${queued} of ${total} queued, ${delivered} handed to the mail server`;
  return {
    update(state) {
      const share = state.total === 0 ? 1 : Math.min(1, state.delivered / state.total);
      if (stream.isTTY) {
        const width = 30;
        const filled = Math.round(share * width);
        stream.write(
          `\r[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ${text(state)}`,
        );
        return;
      }
      const tenth = Math.floor(share * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        stream.write(`rollout: ${tenth * 10}%, ${text(state)}\n`);
      }
    },
    done(state) {
      if (stream.isTTY) this.update(state);
      stream.write(stream.isTTY ? '\n' : `rollout: done, ${text(state)}\n`);
    },
  };
}
