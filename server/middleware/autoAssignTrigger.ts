import type { NextFunction, Request, Response } from 'express';
import type { Knex } from 'knex';
import type { Logger } from '../logger';
import type { OutboundEnqueuer } from '../queues/producers';
import { requestAutoAssign } from '../services/requestAutoAssign';
import { currentUser } from './auth';

const UUID = /^\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/i;

/**
 * After a successful change to conversations (status, assignment, team, bulk), asks for assignment
 * passes for the teams concerned: a resolved, pending or unassigned conversation frees capacity, a
 * conversation moved to a team joins its queue. Runs after the response; a failure only delays until
 * the sweeper's next backlog pass.
 */
export function autoAssignAfterChange(deps: { db: Knex; queues: OutboundEnqueuer; logger: Logger }) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST' && req.method !== 'PATCH') return next();
    const single = UUID.exec(req.path)?.[1];
    const bulk =
      req.path === '/bulk' && Array.isArray(req.body?.operations)
        ? (req.body.operations as Array<{ id?: unknown }>)
            .map((o) => o.id)
            .filter((id) => typeof id === 'string')
        : [];
    const conversationIds = single ? [single] : (bulk as string[]);
    if (conversationIds.length === 0) return next();
    res.on('finish', () => {
      if (res.statusCode >= 400) return;
      const userId = currentUser(req).id;
      requestAutoAssign(deps, { conversationIds, userIds: [userId] }).catch((err: unknown) =>
        deps.logger.warn({ err, conversationIds }, 'auto-assignment trigger failed'),
      );
    });
    next();
  };
}
