import type { NextFunction, Request, Response } from 'express';
import type { Knex } from 'knex';
import { postgresSessionStore, type SessionStore } from '../auth/sessionStore';
import { readCookie, resolveSession, SESSION_COOKIE } from '../auth/sessions';
import { getUser, type UserRow } from '../db/repositories/users';
import { AuthenticationError, ForbiddenError } from '../errors';

declare global {
  namespace Express {
    interface Request {
      user?: UserRow;
    }
  }
}

/** Loads the signed-in user from the session cookie; 401 when there is none. */
export function requireUser(
  db: Knex,
  sessionIdleMs?: number,
  store: SessionStore = postgresSessionStore(db),
) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const userId = await resolveSession(store, readCookie(req.headers.cookie, SESSION_COOKIE), sessionIdleMs);
    const user = userId ? await getUser(db, userId) : undefined;
    if (!user?.active) return next(new AuthenticationError());
    req.user = user;
    next();
  };
}

/**
 * After an admin reset the user signs in with a one-time temporary password and must choose a new
 * one before anything else: only reading `/me` and changing the password are allowed.
 */
export function requirePasswordChanged(req: Request, _res: Response, next: NextFunction) {
  if (!req.user?.must_change_password) return next();
  const path = req.baseUrl + req.path;
  if (path === '/api/me/password' || (req.method === 'GET' && path.replace(/\/$/, '') === '/api/me'))
    return next();
  next(new ForbiddenError('Change your password first', 'password_change_required'));
}

/**
 * CSRF guard for cookie sessions: state-changing requests must carry a custom header, which a
 * cross-site form cannot set and cross-site fetch cannot send without a CORS preflight we never allow.
 */
export function requireCsrfHeader(req: Request, _res: Response, next: NextFunction) {
  if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next();
  if (req.get('x-caredesk-request') !== '1')
    return next(new ForbiddenError('Missing X-Caredesk-Request header'));
  next();
}

export function currentUser(req: Request): UserRow {
  if (!req.user) throw new AuthenticationError();
  return req.user;
}
