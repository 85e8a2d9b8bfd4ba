import { type Request, Router } from 'express';
import type { Knex } from 'knex';
import type { HolidayDto, SlaSettingsResponse } from '../../../common/types';
import { listCalendars, listSlaPolicies, toSlaPolicyDto } from '../../db/repositories/slaSettings';
import { ForbiddenError } from '../../errors';
import { currentUser } from '../../middleware/auth';
import { validate } from '../../middleware/validate';
import {
  addHoliday,
  removeBusinessHours,
  removeHoliday,
  removeSlaPolicyScope,
  saveBusinessHours,
  saveSlaPolicyScope,
} from '../../services/changeSlaSettings';
import {
  businessHoursSchema,
  calendarParamsSchema,
  deleteScopeQuerySchema,
  holidayParamsSchema,
  holidaySchema,
  policyRequestSchema,
  policyScopeSchema,
} from './schema';

function requireReader(req: Request) {
  if (!['admin', 'lead'].includes(currentUser(req).role))
    throw new ForbiddenError('Only admins and leads see SLA policies');
}
function requireAdmin(req: Request) {
  if (currentUser(req).role !== 'admin') throw new ForbiddenError('Only admins change SLA policies');
}
const teamIdOf = (req: Request) => {
  const { teamId } = validate(calendarParamsSchema, req.params);
  return teamId === 'default' ? null : teamId;
};

async function settings(db: Knex, req: Request): Promise<SlaSettingsResponse> {
  const accounts = await db('channel_accounts')
    .orderBy(['platform', 'handle'])
    .select<{ id: string; platform: 'x' | 'facebook'; handle: string }[]>('id', 'platform', 'handle');
  return {
    policies: (await listSlaPolicies(db)).map(toSlaPolicyDto),
    calendars: await listCalendars(db),
    accounts,
    canEdit: currentUser(req).role === 'admin',
  };
}

/** SLA policies and business calendars: leads and admins read, admins change. */
export function slaRouter(deps: { db: Knex }): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    requireReader(req);
    res.json(await settings(deps.db, req));
  });

  router.post('/policies', async (req, res) => {
    requireAdmin(req);
    const input = validate(policyRequestSchema, req.body);
    await saveSlaPolicyScope(deps.db, { ...input, userId: currentUser(req).id });
    res.json(await settings(deps.db, req));
  });

  router.delete('/policies', async (req, res) => {
    requireAdmin(req);
    const q = validate(deleteScopeQuerySchema, req.query);
    const scope = validate(policyScopeSchema, {
      platform: q.platform ?? null,
      channelAccountId: q.channelAccountId ?? null,
    });
    await removeSlaPolicyScope(deps.db, scope);
    res.status(204).end();
  });

  router.post('/calendars/:teamId/hours', async (req, res) => {
    requireAdmin(req);
    const teamId = teamIdOf(req);
    const input = validate(businessHoursSchema, req.body);
    await saveBusinessHours(deps.db, teamId, { ...input, userId: currentUser(req).id });
    res.json(await settings(deps.db, req));
  });

  router.delete('/calendars/:teamId/hours', async (req, res) => {
    requireAdmin(req);
    await removeBusinessHours(deps.db, teamIdOf(req));
    res.status(204).end();
  });

  router.post('/calendars/:teamId/holidays', async (req, res) => {
    requireAdmin(req);
    const teamId = teamIdOf(req);
    const input = validate(holidaySchema, req.body);
    const holiday: HolidayDto = await addHoliday(deps.db, teamId, input);
    res.status(201).json({ holiday });
  });

  router.delete('/holidays/:id', async (req, res) => {
    requireAdmin(req);
    const { id } = validate(holidayParamsSchema, req.params);
    await removeHoliday(deps.db, id);
    res.status(204).end();
  });

  return router;
}
