/**
 * Answers in the contract's shapes only: every success body is parsed with its response schema and
 * every error with the error schema before it leaves (a mismatch is a bug, answered as 503 and
 * logged), with the contract's status and, for 429, a Retry-After header.
 */
import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { errorBodySchema, errorStatus, type ErrorBody } from '../../api/contract.schema.js';

export function sendError(c: Context, error: ErrorBody): Response {
  const body = errorBodySchema.parse(error);
  c.header('Cache-Control', 'no-store');
  if (body.error === 'too_many_requests') c.header('Retry-After', String(body.retryAfter));
  // The rest of an oversized body is never read, so node closes the connection after the answer;
  // saying so keeps a client from sending its next request on a socket about to close.
  if (body.error === 'payload_too_large') c.header('Connection', 'close');
  return c.json(body, errorStatus[body.error]);
}

export function sendBody<T>(
  c: Context,
  schema: z.ZodMiniType<T>,
  body: T,
  status: 200 | 202 = 200,
): Response {
  c.header('Cache-Control', 'no-store');
  return c.json(schema.parse(body) as object, status);
}
