import { Router } from 'express';
import type { Knex } from 'knex';
import type { SavedFilterDto, SavedFilterListResponse } from '../../../common/types';
import { countMatching } from '../../db/repositories/conversationList';
import {
  deleteSavedFilter,
  insertSavedFilter,
  listSavedFilters,
  type SavedFilterRow,
} from '../../db/repositories/savedFilters';
import { AppError, NotFoundError } from '../../errors';
import { currentUser } from '../../middleware/auth';
import { validate } from '../../middleware/validate';
import { createSavedFilterSchema, savedFilterParamsSchema } from './schema';

/** An agent's own saved filters ("Urgent on X, waiting > 30 min"), each with its live count. */
export function savedFiltersRouter(deps: { db: Knex }): Router {
  const router = Router();
  const toDto = async (row: SavedFilterRow, userId: string): Promise<SavedFilterDto> => ({
    id: row.id,
    name: row.name,
    ...row.filters,
    count: await countMatching(deps.db, { view: row.filters.view, filters: row.filters.filters, userId }),
  });

  router.get('/', async (req, res) => {
    const userId = currentUser(req).id;
    const rows = await listSavedFilters(deps.db, userId);
    const body: SavedFilterListResponse = { items: await Promise.all(rows.map((row) => toDto(row, userId))) };
    res.json(body);
  });

  router.post('/', async (req, res) => {
    const { name, ...spec } = validate(createSavedFilterSchema, req.body);
    const userId = currentUser(req).id;
    const row = await insertSavedFilter(deps.db, { userId, name, spec });
    if (!row) throw new AppError('duplicate_name', `You already have a filter named "${name}"`, 409, 'name');
    res.status(201).json({ filter: await toDto(row, userId) });
  });

  router.delete('/:id', async (req, res) => {
    const { id } = validate(savedFilterParamsSchema, req.params);
    if (!(await deleteSavedFilter(deps.db, currentUser(req).id, id))) throw new NotFoundError('Saved filter');
    res.status(204).end();
  });
  return router;
}
