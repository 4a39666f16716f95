/**
 * The tenant's apps as the provider's clients: each client of its tenant file, with the secret
 * of a confidential one from the environment, and the built-in "Run now" client where enabled.
 */
import type { ClientMetadata } from 'oidc-provider';
import type { Client, Tenant } from '../../tenant/tenant.schema.js';
import type { TenantRegistry } from '../tenants.js';

/** The built-in test client of "Run now" (public, PKCE), on tenants that enable it. */
export const runNowClientId = 'gatehouse-run-now';
export const runNowCallbackPath = (tenant: string) => `/${tenant}/run-now/callback`;

/** The secrets of the confidential clients, by tenant and client id. */
export type ClientSecrets = ReadonlyMap<string, string>;

/**
 * Reads each confidential client's secret from the environment variable its tenant file names
 * (docs/security.md#rule-32). A variable that is not set stops the start, naming file and field.
 */
export function clientSecrets(
  tenants: TenantRegistry,
  tenantsDir: string,
  env: Readonly<Record<string, string | undefined>>,
): ClientSecrets {
  const secrets = new Map<string, string>();
  const problems: string[] = [];
  for (const tenant of tenants.values()) {
    (tenant.clients ?? []).forEach((client, index) => {
      if (client.type !== 'confidential') return;
      const secret = env[client.secretEnv!];
      if (secret) secrets.set(`${tenant.id}/${client.id}`, secret);
      else {
        problems.push(
          `${tenantsDir}/${tenant.id}.json: clients[${index}].secretEnv: the environment variable ${client.secretEnv} is not set`,
        );
      }
    });
  }
  if (problems.length > 0) throw new Error(`Client secrets missing:\n  ${problems.join('\n  ')}`);
  return secrets;
}

function clientMetadata(tenant: Tenant, client: Client, secrets: ClientSecrets): ClientMetadata {
  const common = {
    client_id: client.id,
    client_name: client.name,
    redirect_uris: client.redirectUris,
    post_logout_redirect_uris: client.postLogoutRedirectUris ?? [],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code' as const],
  };
  if (client.type === 'public') return { ...common, token_endpoint_auth_method: 'none' };
  return {
    ...common,
    client_secret: secrets.get(`${tenant.id}/${client.id}`)!,
    token_endpoint_auth_method: client.tokenEndpointAuthMethod ?? 'client_secret_basic',
  };
}

/** Every client that the tenant's providers know; `publicBase` places Run now's callback. */
export function tenantClients(
  tenant: Tenant,
  secrets: ClientSecrets,
  publicBase: string,
): ClientMetadata[] {
  const clients = (tenant.clients ?? []).map((client) => clientMetadata(tenant, client, secrets));
  if (tenant.runNow) {
    clients.push({
      client_id: runNowClientId,
      client_name: 'Run now',
      redirect_uris: [`${publicBase}${runNowCallbackPath(tenant.id)}`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    });
  }
  return clients;
}
