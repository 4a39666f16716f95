/**
 * Where the Gatehouse HTTP contract lives, apart from its schemas (contract.schema.ts), which hold zod:
 * routes relative to the API base (default `/api/v1`), with `:name` parameters as msw and hono
 * read them; `routePath` fills them in for the client.
 */
export const routes = {
  config: '/tenants/:tenant/config',
  signIn: '/tenants/:tenant/sign-in',
  resetStart: '/tenants/:tenant/password-reset',
  resetStatus: '/tenants/:tenant/password-reset/:flowId',
  resetResend: '/tenants/:tenant/password-reset/:flowId/resend',
  resetVerify: '/tenants/:tenant/password-reset/:flowId/verify',
  resetPassword: '/tenants/:tenant/password-reset/:flowId/password',
  emailConfirmSend: '/tenants/:tenant/email-confirmation/:flowId/send',
  emailConfirmVerify: '/tenants/:tenant/email-confirmation/:flowId/verify',
} as const;

export function routePath(route: string, params: Record<string, string>): string {
  return route.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name] ?? '';
    // encodeURIComponent leaves dots alone, and URL parsers drop `.` and `..` segments (even as
    // `%2e`), so such a value would climb out of its segment; no tenant or flow id looks like that.
    if (value === '.' || value === '..') throw new RangeError(`Not a path parameter: ${name}`);
    return encodeURIComponent(value);
  });
}
