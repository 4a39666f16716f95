import { interactionPolicy } from 'oidc-provider';

/**
 * The prompts of a password change policy: the change happens on the hosted pages, so the user
 * goes there even with a live single sign-on session; a request resumed from the pages (with the
 * session the change renewed) goes on to the app.
 */
export function passwordChangePrompts() {
  const prompts = interactionPolicy.base();
  prompts
    .get('login')!
    .checks.add(
      new interactionPolicy.Check(
        'password_change',
        'the password is changed on the hosted pages',
        (ctx) => !ctx.oidc.result?.login,
      ),
    );
  return prompts;
}
