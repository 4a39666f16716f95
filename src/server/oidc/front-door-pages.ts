/**
 * The pages the OpenID Connect front door shows by itself, in the hosted pages' frame, theme and
 * language, with no script: a request it refuses (an unknown app, a return address that is not
 * registered: shown here, never sent anywhere), the sign-out question and its answer, and the
 * ID token that Run now received. Every text is a message of the catalogue, every value is text.
 */
import { html } from 'lit';
import { msg, str } from '@lit/localize';
import type { ShellInput } from '../http/first-page.js';
import {
  shellDocument as page,
  shellHeading as heading,
  type RenderedPage,
} from '../http/shell-document.js';

export type { RenderedPage };

/** The reasons the front door refuses a request, as the user is told them. */
export type RefusalReason = 'unknown_client' | 'redirect_not_registered' | 'bad_request';

export function refusalPage(shell: ShellInput, reason: RefusalReason, code: string): RenderedPage {
  const explanation = () => {
    switch (reason) {
      case 'unknown_client':
        return msg(
          str`The app that sent you here is not registered with ${shell.tenantName}, so you can't sign in to it here. Nothing was sent to the app.`,
          { id: 'oidc_error_unknown_client' },
        );
      case 'redirect_not_registered':
        return msg(
          'The app that sent you here asked us to return you to an address it has not registered. To keep your account safe, you were not sent there.',
          { id: 'oidc_error_redirect' },
        );
      case 'bad_request':
        return msg(
          str`The app that sent you here made a request we can't handle (${code}). Go back to the app and try again.`,
          { id: 'oidc_error_request' },
        );
    }
  };
  return page(
    shell,
    (t) => t('Something went wrong', { id: 'error_heading' }),
    () =>
      html`${heading(msg('Something went wrong', { id: 'error_heading' }))}
        <p class="gate-intro" role="alert">${explanation()}</p>`,
  );
}

/**
 * The sign-out question: the provider's own form target and its anti-forgery value, and the
 * form-action that lets its answer return to the app (see `formAction`).
 */
export function signOutPage(
  shell: ShellInput,
  action: string,
  xsrf: string,
  formAction: string,
): RenderedPage {
  return page(
    shell,
    (t) => t('Sign out?', { id: 'signout_heading' }),
    () =>
      html`${heading(msg('Sign out?', { id: 'signout_heading' }))}
        <p class="gate-intro">
          ${msg(str`You will be signed out of ${shell.tenantName} on this device.`, {
            id: 'signout_intro',
          })}
        </p>
        <form method="post" action=${action} class="gate-form">
          <input type="hidden" name="xsrf" value=${xsrf} />
          <div class="gate-actions">
            <button type="submit" name="logout" value="yes" class="gate-button gate-button-primary">
              ${msg('Sign out', { id: 'signout_button' })}
            </button>
            <button type="submit" class="gate-button gate-button-secondary">
              ${msg('Stay signed in', { id: 'signout_stay' })}
            </button>
          </div>
        </form>`,
    formAction,
  );
}

export function signedOutPage(shell: ShellInput): RenderedPage {
  return page(
    shell,
    (t) => t("You're signed out", { id: 'signout_done_heading' }),
    () =>
      html`${heading(msg("You're signed out", { id: 'signout_done_heading' }))}
        <p class="gate-intro" role="status">
          ${msg('You can close this page.', { id: 'signout_done_text' })}
        </p>`,
  );
}

/** Run now's answer: the claims of the ID token the test client received and validated. */
export function runNowPage(
  shell: ShellInput,
  policy: string,
  claims: Record<string, unknown> | undefined,
  again: string,
): RenderedPage {
  const rows = claims ? Object.entries(claims) : [];
  return page(
    shell,
    (t) => t('Run now', { id: 'runnow_heading' }),
    () =>
      html`${heading(msg('Run now', { id: 'runnow_heading' }))}
        ${
          claims
            ? html`<p class="gate-intro" role="status">
                  ${msg(
                    str`The user flow ${policy} signed you in. These are the claims of the ID token it issued, checked against the published keys.`,
                    { id: 'runnow_intro' },
                  )}
                </p>
                <table class="gate-claims">
                  <caption>
                    ${msg('ID token claims', { id: 'runnow_caption' })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">${msg('Claim', { id: 'runnow_claim' })}</th>
                      <th scope="col">${msg('Value', { id: 'runnow_value' })}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${rows.map(
                      ([name, value]) =>
                        html`<tr>
                          <th scope="row"><code>${name}</code></th>
                          <td><code>${JSON.stringify(value)}</code></td>
                        </tr>`,
                    )}
                  </tbody>
                </table>`
            : html`<p class="gate-intro" role="alert">
                ${msg(
                  "This Run now answer can't be checked: it is old, or it was opened in another browser. Start again.",
                  { id: 'runnow_stale' },
                )}
              </p>`
        }
        <div class="gate-actions">
          <a class="gate-button gate-button-primary" href=${again}>
            ${msg('Run now again', { id: 'runnow_again' })}
          </a>
        </div>`,
  );
}
