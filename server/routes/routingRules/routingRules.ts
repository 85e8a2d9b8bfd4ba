import { type Request, Router } from 'express';
import type { Knex } from 'knex';
import type { RoutingRuleListResponse } from '../../../common/routing';
import {
  deleteRoutingRule,
  insertRoutingRule,
  listRoutingRules,
  reorderRoutingRules,
  updateRoutingRule,
} from '../../db/repositories/routingRules';
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../errors';
import { currentUser } from '../../middleware/auth';
import { validate } from '../../middleware/validate';
import { dryRunRoutingRules } from '../../services/dryRunRouting';
import {
  dryRunSchema,
  reorderSchema,
  routingRuleInputSchema,
  routingRulePatchSchema,
  ruleParamsSchema,
} from './schema';

const requireRole = (req: Request, roles: readonly string[], what: string) => {
  if (!roles.includes(currentUser(req).role)) throw new ForbiddenError(what);
};
const canRead = (req: Request) =>
  requireRole(req, ['admin', 'lead'], 'Only admins and leads see routing rules');
const canEdit = (req: Request) => requireRole(req, ['admin'], 'Only admins change routing rules');

async function checkTeam(db: Knex, teamId: string | null | undefined): Promise<void> {
  if (teamId && !(await db('teams').where({ id: teamId }).first('id')))
    throw new UnprocessableError('unknown_team', 'No team with that id', 'actions.teamId');
}

const duplicate = (name: string) =>
  new ConflictError('duplicate_name', `A rule named "${name}" exists already`);

/** Routing rules: admins edit and reorder them, leads read them; anyone of both may dry-run a set. */
export function routingRulesRouter(deps: { db: Knex }): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    canRead(req);
    const body: RoutingRuleListResponse = { rules: await listRoutingRules(deps.db) };
    res.json(body);
  });

  router.post('/dry-run', async (req, res) => {
    canRead(req);
    const { rules, limit } = validate(dryRunSchema, req.body);
    res.json(await dryRunRoutingRules(deps.db, rules, limit));
  });

  router.post('/reorder', async (req, res) => {
    canEdit(req);
    const { ids } = validate(reorderSchema, req.body);
    if (!(await reorderRoutingRules(deps.db, ids)))
      throw new UnprocessableError('rules_changed', 'Send every rule id exactly once', 'ids');
    const body: RoutingRuleListResponse = { rules: await listRoutingRules(deps.db) };
    res.json(body);
  });

  router.post('/', async (req, res) => {
    canEdit(req);
    const input = validate(routingRuleInputSchema, req.body);
    await checkTeam(deps.db, input.actions.teamId);
    const rule = await insertRoutingRule(deps.db, input);
    if (!rule) throw duplicate(input.name);
    res.status(201).json({ rule });
  });

  router.patch('/:id', async (req, res) => {
    canEdit(req);
    const { id } = validate(ruleParamsSchema, req.params);
    const patch = validate(routingRulePatchSchema, req.body);
    await checkTeam(deps.db, patch.actions?.teamId);
    const rule = await updateRoutingRule(deps.db, id, patch);
    if (rule === 'missing') throw new NotFoundError('Routing rule');
    if (rule === 'duplicate') throw duplicate(patch.name ?? '');
    res.json({ rule });
  });

  router.delete('/:id', async (req, res) => {
    canEdit(req);
    const { id } = validate(ruleParamsSchema, req.params);
    if (!(await deleteRoutingRule(deps.db, id))) throw new NotFoundError('Routing rule');
    res.status(204).end();
  });
  return router;
}
