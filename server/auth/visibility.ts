import type { NextFunction, Request, Response } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { NotFoundError } from '../errors';

const uuid = z.uuid();

/**
 * `router.param('id', …)` guard: answers 404 (not 403, so ids of other teams' accounts are not even
 * confirmed to exist) unless the signed-in user may see the object. Malformed ids pass on to the
 * route's own validation (400).
 */
export function hideInvisible(
  db: Knex,
  visible: (db: Knex, userId: string, id: string) => Promise<boolean>,
  what: string,
) {
  return async (req: Request, _res: Response, next: NextFunction, id: unknown) => {
    try {
      if (!req.user || !uuid.safeParse(id).success) return next();
      if (!(await visible(db, req.user.id, String(id)))) throw new NotFoundError(what);
      next();
    } catch (error) {
      next(error);
    }
  };
}
