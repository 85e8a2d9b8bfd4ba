import { Router } from 'express';
import type { Knex } from 'knex';
import { type Oidc, OidcSignInError } from '../../auth/oidc';
import type { SessionStore } from '../../auth/sessionStore';
import { endSession, readCookie, SESSION_COOKIE, sessionStoreOf, startSession } from '../../auth/sessions';
import type { Logger } from '../../logger';
import { sessionCookieOptions } from './auth';

const STATE_COOKIE = 'cd_oidc_state';

/**
 * `GET /api/auth/oidc/config` (is SSO on?), `GET /api/auth/oidc/start` (redirects to the provider) and
 * `GET /api/auth/oidc/callback` (back from the provider: a new session, then the app).
 */
export function oidcRouter(deps: {
  db: Knex;
  sessionStore?: SessionStore | undefined;
  oidc: Oidc | null;
  logger: Logger;
  sessionTtlMs: number;
  secureCookies: boolean;
}): Router {
  const router = Router();
  router.get('/config', (_req, res) => {
    res.json({ enabled: deps.oidc !== null });
  });
  const oidc = deps.oidc;
  if (!oidc) return router;

  router.get('/start', async (req, res) => {
    let started: { url: string; state: string };
    try {
      started = await oidc.start();
    } catch (error) {
      // Provider unreachable or misconfigured: say so on the login screen rather than a bare 500.
      deps.logger.warn({ err: error }, 'OIDC sign-in could not start');
      res.redirect(303, '/#/login?sso=provider_error');
      return;
    }
    const { url, state } = started;
    const cookieOptions = sessionCookieOptions(deps.secureCookies || req.secure);
    // Lax: the provider's redirect back is a top-level GET, which carries Lax cookies.
    res.cookie(STATE_COOKIE, state, { ...cookieOptions, maxAge: 10 * 60_000 });
    res.redirect(303, url);
  });

  router.get('/callback', async (req, res) => {
    const query = new URLSearchParams(req.originalUrl.slice(req.originalUrl.indexOf('?') + 1));
    const cookieOptions = sessionCookieOptions(deps.secureCookies || req.secure);
    res.clearCookie(STATE_COOKIE, cookieOptions);
    try {
      const user = await oidc.finish(query, readCookie(req.headers.cookie, STATE_COOKIE));
      await endSession(sessionStoreOf(deps), readCookie(req.headers.cookie, SESSION_COOKIE));
      const token = await startSession(sessionStoreOf(deps), user.id, deps.sessionTtlMs);
      res.cookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: deps.sessionTtlMs });
      res.redirect(303, '/');
    } catch (error) {
      if (!(error instanceof OidcSignInError)) throw error;
      res.redirect(303, `/#/login?sso=${error.reason}`);
    }
  });
  return router;
}
