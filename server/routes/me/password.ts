import { Router } from 'express';
import type { Knex } from 'knex';
import { checkPassword, hashPassword } from '../../auth/passwords';
import type { SessionStore } from '../../auth/sessionStore';
import { endUserSessions, readCookie, SESSION_COOKIE, sessionStoreOf } from '../../auth/sessions';
import { setPasswordHash } from '../../db/repositories/users';
import { AppError } from '../../errors';
import { currentUser } from '../../middleware/auth';
import { validate } from '../../middleware/validate';
import { notifySessionsEnded } from '../../realtime/bus';
import { changePasswordSchema } from './schema';

/**
 * `POST /api/me/password`: needs the current password; ends every other session of the user
 * (and their sockets), keeps this one.
 */
export function passwordRouter(deps: { db: Knex; sessionStore?: SessionStore | undefined }): Router {
  const router = Router();
  router.post('/', async (req, res) => {
    const user = currentUser(req);
    const { currentPassword, newPassword } = validate(changePasswordSchema, req.body);
    if (!(await checkPassword(currentPassword, user.password_hash)).ok) {
      throw new AppError(
        'wrong_password',
        'currentPassword: the current password is wrong',
        400,
        'currentPassword',
      );
    }
    if (newPassword === currentPassword) {
      throw new AppError('same_password', 'newPassword: choose a different password', 400, 'newPassword');
    }
    await setPasswordHash(deps.db, user.id, await hashPassword(newPassword));
    await endUserSessions(sessionStoreOf(deps), user.id, readCookie(req.headers.cookie, SESSION_COOKIE));
    await notifySessionsEnded(deps.db, user.id);
    res.status(204).end();
  });
  return router;
}
