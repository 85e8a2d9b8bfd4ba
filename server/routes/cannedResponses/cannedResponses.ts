import { type Request, Router } from 'express';
import type { Knex } from 'knex';
import type { CannedResponseListResponse, CannedResponseResponse } from '../../../common/types';
import {
  deleteCannedResponse,
  getCannedResponse,
  insertCannedResponse,
  isUniqueViolation,
  listCannedResponses,
  updateCannedResponse,
} from '../../db/repositories/cannedResponses';
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors';
import { currentUser } from '../../middleware/auth';
import { validate } from '../../middleware/validate';
import { cannedParamsSchema, createCannedSchema, listCannedSchema, updateCannedSchema } from './schema';

function requireEditor(req: Request) {
  if (!['admin', 'lead'].includes(currentUser(req).role))
    throw new ForbiddenError('Only admins and leads change canned responses');
}

/** A taken shortcut is the agent-visible conflict; anything else is a real error. */
async function uniqueShortcut<T>(shortcut: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ConflictError('shortcut_taken', `The shortcut "${shortcut ?? ''}" is already in use`);
    throw error;
  }
}

/** Canned responses: everyone signed in reads and searches; leads and admins write. */
export function cannedResponsesRouter(deps: { db: Knex }): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const { q } = validate(listCannedSchema, req.query);
    const body: CannedResponseListResponse = { items: await listCannedResponses(deps.db, q) };
    res.json(body);
  });

  router.post('/', async (req, res) => {
    requireEditor(req);
    const input = validate(createCannedSchema, req.body);
    const item = await uniqueShortcut(input.shortcut, () =>
      insertCannedResponse(deps.db, input, currentUser(req).id),
    );
    const body: CannedResponseResponse = { item };
    res.status(201).json(body);
  });

  router.get('/:id', async (req, res) => {
    const { id } = validate(cannedParamsSchema, req.params);
    const item = await getCannedResponse(deps.db, id);
    if (!item) throw new NotFoundError('Canned response');
    const body: CannedResponseResponse = { item };
    res.json(body);
  });

  router.patch('/:id', async (req, res) => {
    requireEditor(req);
    const { id } = validate(cannedParamsSchema, req.params);
    const changes = validate(updateCannedSchema, req.body);
    const item = await uniqueShortcut(changes.shortcut, () => updateCannedResponse(deps.db, id, changes));
    if (!item) throw new NotFoundError('Canned response');
    const body: CannedResponseResponse = { item };
    res.json(body);
  });

  router.delete('/:id', async (req, res) => {
    requireEditor(req);
    const { id } = validate(cannedParamsSchema, req.params);
    if (!(await deleteCannedResponse(deps.db, id))) throw new NotFoundError('Canned response');
    res.status(204).end();
  });

  return router;
}
