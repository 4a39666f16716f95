/**
 * The password portal at `/{tenant}`: where an organisation sends people who need help with their
 * password. Links to the tenant's flows (each only where the tenant offers it), who is signed in
 * with a way to sign out, and the organisation's own help text and help-desk links, as text.
 */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { Tenant } from '../../tenant/tenant.schema.js';
import type { ShellInput } from './first-page.js';
import { shellDocument, shellHeading, type RenderedPage } from './shell-document.js';

/** The portal's links: one per flow the tenant offers to this visitor. */
function flowLinks(tenant: Tenant, signedIn: boolean) {
  const policy = (kind: Tenant['policies'][number]['kind']) =>
    tenant.policies.find((candidate) => candidate.kind === kind)?.id;
  const signIn = policy('sign-in');
  const reset = tenant.selfServiceReset.enabled === 'none' ? undefined : policy('password-reset');
  const change = policy('password-change');
  // Where the tenant requires a verified recovery email, signing in asks for it (or its
  // confirmation) from everyone who has none: the way to register.
  const register = tenant.requireRecoveryRegistration ? signIn : undefined;
  return [
    !signedIn && signIn && [signIn, msg('Sign in', { id: 'portal_sign_in' })],
    !signedIn &&
      register && [
        register,
        msg('Register or confirm my recovery email', { id: 'portal_register' }),
      ],
    reset && [reset, msg('I forgot my password', { id: 'portal_reset' })],
    change && [change, msg('Change my password', { id: 'portal_change' })],
  ].flatMap((link) => (link ? [link] : []));
}

export function portalPage(
  shell: ShellInput,
  tenant: Tenant,
  signedInAs: string | undefined,
): RenderedPage {
  const { locale } = shell;
  const help = tenant.portal?.help?.[locale];
  const helpLinks = (tenant.portal?.links ?? []).flatMap(({ label, url }) => {
    const text = label[locale];
    return text ? [{ text, url }] : [];
  });
  return shellDocument(
    shell,
    (t) => t('Help with your password', { id: 'portal_heading' }),
    () =>
      html`${shellHeading(msg('Help with your password', { id: 'portal_heading' }))}
        <p class="gate-intro">
          ${
            signedInAs
              ? msg(str`You are signed in as ${signedInAs}.`, { id: 'portal_signed_in_as' })
              : msg(str`What do you need to do with your ${shell.tenantName} account?`, {
                  id: 'portal_intro',
                })
          }
        </p>
        <ul>
          ${flowLinks(tenant, signedInAs !== undefined).map(
            ([policy, label]) =>
              html`<li class="gate-link-row">
                <a href=${`/${tenant.id}/${policy}`}>${label}</a>
              </li>`,
          )}
        </ul>
        ${
          signedInAs
            ? html`<form method="post" action=${`/${tenant.id}/sign-out`} class="gate-form">
                <div class="gate-actions">
                  <button type="submit" class="gate-button gate-button-secondary">
                    ${msg('Sign out', { id: 'signout_button' })}
                  </button>
                </div>
              </form>`
            : nothing
        }
        ${
          help || helpLinks.length > 0
            ? html`<h2>${msg('More help', { id: 'portal_help_heading' })}</h2>
                ${help ? help.split(/\n+/).map((line) => html`<p class="gate-hint">${line}</p>`) : nothing}
                <ul>
                  ${helpLinks.map(
                    ({ text, url }) =>
                      html`<li class="gate-link-row"><a href=${url}>${text}</a></li>`,
                  )}
                </ul>`
            : nothing
        }`,
  );
}
