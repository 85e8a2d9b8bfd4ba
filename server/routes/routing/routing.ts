import { type Request, Router } from 'express';
import type { Knex } from 'knex';
import type { AvailabilityResponse, RoutingSettingsResponse } from '../../../common/routing';
import {
  getAvailability,
  listAgentLoads,
  listTeamSettings,
  setAvailability,
  updateCapacity,
  updateTeamSettings,
} from '../../db/repositories/assignment';
import { ForbiddenError, NotFoundError } from '../../errors';
import type { Logger } from '../../logger';
import { currentUser } from '../../middleware/auth';
import { validate } from '../../middleware/validate';
import type { OutboundEnqueuer } from '../../queues/producers';
import { enqueueAutoAssign, requestAutoAssign } from '../../services/requestAutoAssign';
import { availabilitySchema, capacitySchema, idParamsSchema, teamSettingsSchema } from './schema';

const requireRole = (req: Request, roles: readonly string[], what: string) => {
  if (!roles.includes(currentUser(req).role)) throw new ForbiddenError(what);
};

/**
 * Auto-assignment settings (team modes and away timeouts, agent capacities: admins change, leads read)
 * and every user's own availability (Available / Away).
 */
export function routingRouter(deps: { db: Knex; queues: OutboundEnqueuer; logger: Logger }): Router {
  const router = Router();
  const trigger = (input: { userIds?: string[] }) =>
    requestAutoAssign(deps, input).catch((err: unknown) =>
      deps.logger.warn({ err }, 'auto-assignment trigger failed'),
    );

  router.get('/settings', async (req, res) => {
    requireRole(req, ['admin', 'lead'], 'Only admins and leads see assignment settings');
    const body: RoutingSettingsResponse = {
      teams: await listTeamSettings(deps.db),
      agents: await listAgentLoads(deps.db),
    };
    res.json(body);
  });

  router.patch('/teams/:id', async (req, res) => {
    requireRole(req, ['admin'], 'Only admins change assignment settings');
    const { id } = validate(idParamsSchema, req.params);
    const patch = validate(teamSettingsSchema, req.body);
    if (!(await updateTeamSettings(deps.db, id, patch))) throw new NotFoundError('Team');
    if (patch.assignmentMode && patch.assignmentMode !== 'off') await enqueueAutoAssign(deps.queues, [id]);
    res.json({ teams: await listTeamSettings(deps.db) });
  });

  router.patch('/agents/:id', async (req, res) => {
    requireRole(req, ['admin'], 'Only admins change capacities');
    const { id } = validate(idParamsSchema, req.params);
    const { capacity } = validate(capacitySchema, req.body);
    if (!(await updateCapacity(deps.db, id, capacity))) throw new NotFoundError('User');
    await trigger({ userIds: [id] });
    res.json({ agents: await listAgentLoads(deps.db) });
  });

  router.get('/availability', async (req, res) => {
    const body: AvailabilityResponse = { availability: await getAvailability(deps.db, currentUser(req).id) };
    res.json(body);
  });

  router.patch('/availability', async (req, res) => {
    const { availability } = validate(availabilitySchema, req.body);
    const userId = currentUser(req).id;
    const changed = await setAvailability(deps.db, userId, availability);
    if (changed && availability === 'available') await trigger({ userIds: [userId] });
    const body: AvailabilityResponse = { availability };
    res.json(body);
  });
  return router;
}
