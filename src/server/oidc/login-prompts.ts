import { interactionPolicy, type KoaContextWithOIDC } from 'oidc-provider';
import type { Database } from '../database/database.js';
import { findUserById, isRegistered } from '../store/users.js';

const { Check, base } = interactionPolicy;

/**
 * When a policy's authorization must come to the hosted pages to sign in, beyond the library's own
 * reasons (no session, prompt=login, max_age):
 * - a single sign-on session made before the account's password last changed counts for nothing:
 *   a reset or a change signs the account out everywhere (docs/security.md#rule-30);
 * - a password change policy always comes, since the change happens there;
 * - where the tenant requires a verified recovery email (`requireRecoveryRegistration`), a session
 *   of an account without one counts for nothing: signing in again asks for it.
 * A request resumed from the pages (with a sign-in made during it) goes on to the app.
 */
export function loginPrompts(
  db: Database,
  {
    passwordChange,
    requireRegistration,
  }: { passwordChange: boolean; requireRegistration: boolean },
) {
  const prompts = base();
  const login = prompts.get('login')!;
  const resumed = (ctx: KoaContextWithOIDC) => ctx.oidc.result?.login !== undefined;
  login.checks.add(
    new Check(
      'password_changed',
      'the password changed after this sign-in',
      async (ctx: KoaContextWithOIDC) => {
        const session = ctx.oidc.session;
        if (resumed(ctx) || !session?.accountId) return Check.NO_NEED_TO_PROMPT;
        const user = await findUserById(db, session.accountId);
        const signedInAt = (session.authTime() ?? 0) * 1000;
        // auth_time is in whole seconds: a sign-in in the very second of the change still counts.
        return !user || signedInAt < Math.floor(user.passwordChangedAt.getTime() / 1000) * 1000
          ? Check.REQUEST_PROMPT
          : Check.NO_NEED_TO_PROMPT;
      },
    ),
  );
  if (requireRegistration) {
    login.checks.add(
      new Check(
        'recovery_registration',
        'the account has no verified recovery email yet',
        async (ctx: KoaContextWithOIDC) => {
          const session = ctx.oidc.session;
          if (resumed(ctx) || !session?.accountId) return Check.NO_NEED_TO_PROMPT;
          const user = await findUserById(db, session.accountId);
          return user && isRegistered(user) ? Check.NO_NEED_TO_PROMPT : Check.REQUEST_PROMPT;
        },
      ),
    );
  }
  if (passwordChange) {
    login.checks.add(
      new Check('password_change', 'the password is changed on the hosted pages', (ctx) =>
        resumed(ctx) ? Check.NO_NEED_TO_PROMPT : Check.REQUEST_PROMPT,
      ),
    );
  }
  return prompts;
}
