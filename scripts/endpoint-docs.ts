/**
 * The endpoint table of docs/contract.md, made from the contract's table (src/api/endpoints.ts) and
 * its schemas: method, path, the request body's shape, the success status and body. A note per
 * endpoint says what the shapes cannot. `npm run docs:endpoints` writes it; a test fails while the
 * page differs from what this makes.
 */
import { readFile, writeFile } from 'node:fs/promises';
import * as z from 'zod/mini';
import * as contract from '../src/api/contract.schema.js';
import {
  endpointNames,
  endpoints,
  type Endpoint,
  type EndpointName,
} from '../src/api/endpoints.js';
import { withGeneratedBlock } from './generated-block.js';

export const contractPage = 'docs/contract.md';

const notes: Record<EndpointName, string> = {
  config: 'the settings the pages need; never groups, users or embedding origins',
  signIn:
    "`confirm-email` when the user must reconfirm their recovery email first, `register-email` when a username account must register one (`requireRecoveryRegistration`); sets the session cookie when signed in, except with `clientId` (an element embedded for one of the tenant's apps), which gets a single-use `ticket` for the front door instead",
  session: 'who is signed in to this tenant in this browser (from the session cookie)',
  signOut: 'ends the session and clears its cookie; signing out twice is no error',
  passwordChange:
    '`session_required` without a live session of this tenant; a wrong current password counts toward the lock; every session and token of the account ends and a new session starts here',
  emailConfirmSend:
    'a code goes to the recovery email; a registration names the address (`email`), and a new one ends the code sent before',
  emailConfirmVerify: 'sets the session cookie; a registration stores the address as proven',
  resetStart:
    'the same whether or not the address (or username) has an account; `email` for an email tenant, `username` for a username tenant, else `invalid_request`',
  resetStatus: 'where the flow stands, so that a reload can resume it',
  resetResend: 'another code, once the wait is over',
  resetVerify: 'the code is used up',
  resetPassword: 'the flow ends; the user signs in with the new password',
};

interface JsonSchema {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
}

/** The check every request string carries (no NUL, no lone surrogate): said once, in the page's prose. */
const requestTextPattern = (z.toJSONSchema(contract.signInRequestSchema) as JsonSchema).properties!
  .password!.pattern;

function range(low: number | undefined, high: number | undefined): string {
  // zod bounds its integers by the largest safe one, which says nothing to a reader.
  const top = high === undefined || high >= Number.MAX_SAFE_INTEGER ? undefined : high;
  if (low === undefined && top === undefined) return '';
  return top === undefined ? ` ≥ ${low}` : ` (${low ?? 0}..${top})`;
}

/** A schema as a short TypeScript-like shape; patterns only where a client must meet them. */
function shape(schema: JsonSchema, patterns: boolean): string {
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants) return variants.map((variant) => shape(variant, patterns)).join(' or ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  switch (schema.type) {
    case 'object': {
      if (schema.properties) {
        const fields = Object.entries(schema.properties).map(
          ([key, value]) =>
            `${key}${schema.required?.includes(key) ? '' : '?'}: ${shape(value, patterns)}`,
        );
        return fields.length === 0 ? '{}' : `{ ${fields.join(', ')} }`;
      }
      const values = schema.additionalProperties;
      return `{ [key]: ${typeof values === 'object' ? shape(values, patterns) : 'unknown'} }`;
    }
    case 'array': {
      const item = shape(schema.items ?? {}, patterns);
      return `${item.includes(' or ') ? `(${item})` : item}[]`;
    }
    case 'string': {
      const shown = [schema.pattern, ...(schema.allOf ?? []).map((part) => part.pattern)].filter(
        (pattern) => patterns && pattern !== undefined && pattern !== requestTextPattern,
      );
      const matching = shown.map((pattern) => ` matching /${pattern}/`).join('');
      return `string${range(schema.minLength, schema.maxLength)}${matching}`;
    }
    case 'integer':
    case 'number':
      return `${schema.type}${range(schema.minimum, schema.maximum)}`;
    default:
      return schema.type ?? 'unknown';
  }
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

function jsonSchemaOf(name: Endpoint['response']): JsonSchema {
  return z.toJSONSchema(contract[name] as z.ZodMiniType, { unrepresentable: 'any' }) as JsonSchema;
}

/** The table, as the page holds it between its markers. */
export function endpointTable(): string {
  const rows = endpointNames.map((name) => {
    const endpoint: Endpoint = endpoints[name];
    const path = endpoint.path.replace(/:(\w+)/g, '{$1}');
    const request = endpoint.request
      ? `\`${shape(jsonSchemaOf(endpoint.request), true)}\``
      : 'none';
    const success = `\`${endpoint.status} ${shape(jsonSchemaOf(endpoint.response), false)}\``;
    return `| \`${endpoint.method} ${path}\` | ${cell(request)} | ${cell(success)}: ${notes[name]} |`;
  });
  return ['| method and path | request body | success |', '| --- | --- | --- |', ...rows].join(
    '\n',
  );
}

/** The page with a fresh endpoint table, formatted as the repository's prettier check wants it. */
export async function pageWithTable(page: string): Promise<string> {
  return withGeneratedBlock(contractPage, page, 'endpoints', endpointTable());
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const page = await readFile(contractPage, 'utf8');
  await writeFile(contractPage, await pageWithTable(page));
  console.log(`${contractPage}: endpoint table written (${endpointNames.length} endpoints)`);
}
