import { type Request, type Response, Router } from 'express';
import type { Knex } from 'knex';
import type { LoginResponse, MeResponse } from '../../../common/types';
import { verifyPassword } from '../../auth/passwords';
import { endSession, readCookie, SESSION_COOKIE, startSession } from '../../auth/sessions';
import { toUserDto } from '../../db/repositories/mappers';
import { findUserByEmail } from '../../db/repositories/users';
import { AppError } from '../../errors';
import { currentUser } from '../../middleware/auth';
import { validate } from '../../middleware/validate';
import { loginSchema } from './schema';

export function authRouter(deps: { db: Knex; sessionTtlMs: number; secureCookies: boolean }): Router {
  const router = Router();
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.secureCookies,
    path: '/',
  };

  router.post('/login', async (req, res) => {
    const { email, password } = validate(loginSchema, req.body);
    const user = await findUserByEmail(deps.db, email);
    // Same answer for unknown email and wrong password: no account enumeration.
    if (!user?.active || !(await verifyPassword(password, user.password_hash))) {
      throw new AppError('invalid_credentials', 'Email or password is wrong', 401);
    }
    const token = await startSession(deps.db, user.id, deps.sessionTtlMs);
    res.cookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: deps.sessionTtlMs });
    const body: LoginResponse = { user: toUserDto(user) };
    res.json(body);
  });

  router.post('/logout', async (req, res) => {
    await endSession(deps.db, readCookie(req.headers.cookie, SESSION_COOKIE));
    res.clearCookie(SESSION_COOKIE, cookieOptions);
    res.status(204).end();
  });

  return router;
}

/** `GET /api/me`: the signed-in user (mounted behind requireUser). */
export function meHandler(req: Request, res: Response) {
  const body: MeResponse = { user: toUserDto(currentUser(req)) };
  res.json(body);
}
