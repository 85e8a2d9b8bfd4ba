import { Router } from 'express';
import type { Knex } from 'knex';
import type { LoginResponse } from '../../../common/types';
import {
  DEFAULT_LOGIN_THROTTLE,
  LoginThrottledError,
  type LoginThrottlePolicy,
  loginThrottle,
} from '../../auth/loginThrottle';
import { checkPassword, hashPassword } from '../../auth/passwords';
import type { SessionStore } from '../../auth/sessionStore';
import { endSession, readCookie, SESSION_COOKIE, sessionStoreOf, startSession } from '../../auth/sessions';
import { toUserDto } from '../../db/repositories/mappers';
import { findUserByEmail, setPasswordHash } from '../../db/repositories/users';
import { AppError } from '../../errors';
import { validate } from '../../middleware/validate';
import { notifySessionsEnded } from '../../realtime/bus';
import { loginAuditEntry, recordAudit } from '../../services/recordAudit';
import { loginSchema } from './schema';

/** HttpOnly, SameSite=Lax; Secure in production and on any request that came over TLS (req.secure). */
export function sessionCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: 'lax' as const, secure, path: '/' };
}

export function authRouter(deps: {
  db: Knex;
  sessionStore?: SessionStore | undefined;
  sessionTtlMs: number;
  secureCookies: boolean;
  loginThrottle?: LoginThrottlePolicy | undefined;
}): Router {
  const router = Router();
  const throttle = loginThrottle(deps.db, deps.loginThrottle ?? DEFAULT_LOGIN_THROTTLE);

  router.post('/login', async (req, res) => {
    const { email, password } = validate(loginSchema, req.body);
    const ip = req.ip ?? 'unknown';
    try {
      await throttle.check(email, ip);
    } catch (error) {
      if (error instanceof LoginThrottledError) res.set('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
    const user = await findUserByEmail(deps.db, email);
    const check = await checkPassword(password, user?.active ? user.password_hash : null);
    const ok = !!user?.active && check.ok;
    await recordAudit(deps.db, loginAuditEntry(ok, user?.id, email), req);
    // Same answer for unknown email, inactive account and wrong password: no account enumeration.
    if (!ok || !user) {
      await throttle.failed(email, ip);
      throw new AppError('invalid_credentials', 'Email or password is wrong', 401);
    }
    await throttle.succeeded(email);
    if (check.needsRehash)
      await setPasswordHash(deps.db, user.id, await hashPassword(password), user.must_change_password);
    // Any session the browser brought is ended: a fresh id at every login (no session fixation).
    await endSession(sessionStoreOf(deps), readCookie(req.headers.cookie, SESSION_COOKIE));
    const token = await startSession(sessionStoreOf(deps), user.id, deps.sessionTtlMs);
    const cookieOptions = sessionCookieOptions(deps.secureCookies || req.secure);
    res.cookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: deps.sessionTtlMs });
    const body: LoginResponse = { user: toUserDto(user) };
    res.json(body);
  });

  router.post('/logout', async (req, res) => {
    const userId = await endSession(sessionStoreOf(deps), readCookie(req.headers.cookie, SESSION_COOKIE));
    // This browser's sockets go too, on whichever web server holds them.
    if (userId) await notifySessionsEnded(deps.db, userId);
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(deps.secureCookies || req.secure));
    res.status(204).end();
  });

  return router;
}
