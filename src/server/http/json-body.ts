/**
 * Request bodies (docs/security.md#rule-23): `application/json` only (else 415), at most 16 KiB,
 * read with the limit enforced while streaming (413), JSON that parses (else 400 with a generic
 * body), and a strict schema that refuses unknown keys, `__proto__` among them.
 */
import type { Context } from 'hono';
import type * as z from 'zod/mini';
import type { ErrorBody } from '../../api/contract.schema.js';
import type { Result } from '../../shared/result.js';

export const maxBodyBytes = 16 * 1024;

export type BodyResult<T> = Result<T, ErrorBody>;

function isJson(contentType: string | undefined): boolean {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

/** The body's bytes, or undefined once it passes the limit. */
async function readLimited(request: Request): Promise<Uint8Array | undefined> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBodyBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function readJsonBody<T>(
  c: Context,
  schema: z.ZodMiniType<T>,
): Promise<BodyResult<T>> {
  if (!isJson(c.req.header('content-type'))) {
    return { ok: false, failure: { error: 'unsupported_media_type' } };
  }
  const declared = Number(c.req.header('content-length') ?? 0);
  if (declared > maxBodyBytes) return { ok: false, failure: { error: 'payload_too_large' } };
  const bytes = await readLimited(c.req.raw);
  if (!bytes) return { ok: false, failure: { error: 'payload_too_large' } };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, failure: { error: 'invalid_request' } };
  }
  const parsed = schema.safeParse(json);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, failure: { error: 'invalid_request' } };
}
