import type { Knex } from 'knex';
import { QUEUES } from '../queues/jobs';
import type { OutboundEnqueuer } from '../queues/producers';

/**
 * Asks the workers for an assignment pass per team. No job id: a pass that is already running may have
 * read the queue before this change committed, so each trigger gets a pass of its own (they serialise
 * on the team lock and are cheap when nothing waits).
 */
export async function enqueueAutoAssign(queues: OutboundEnqueuer, teamIds: Iterable<string>): Promise<void> {
  for (const teamId of new Set(teamIds)) {
    await queues.add(
      QUEUES.assignment,
      { teamId },
      { attempts: 3, backoff: { type: 'fixed', delay: 1000 }, removeOnFail: true },
    );
  }
}

/**
 * The auto-assigning teams a change may free capacity or add work in: the conversations' own teams and
 * every team of their assignees and of the given users.
 */
export async function teamsAffectedBy(
  db: Knex,
  input: { conversationIds?: string[]; userIds?: string[] },
): Promise<string[]> {
  const conversationIds = input.conversationIds ?? [];
  const userIds = input.userIds ?? [];
  if (conversationIds.length === 0 && userIds.length === 0) return [];
  const result = await db.raw(
    `select distinct t.id from teams t
      where t.assignment_mode <> 'off' and (
        t.id in (select team_id from conversations where id = any(?::uuid[]))
        or t.id in (select m.team_id from team_members m
                     where m.user_id in (select assignee_id from conversations where id = any(?::uuid[]))
                        or m.user_id = any(?::uuid[])))`,
    [conversationIds, conversationIds, userIds],
  );
  return (result.rows as Array<{ id: string }>).map((r) => r.id);
}

/** Convenience for callers that know what changed but not which teams it concerns. */
export async function requestAutoAssign(
  deps: { db: Knex; queues: OutboundEnqueuer },
  input: { conversationIds?: string[]; userIds?: string[] },
): Promise<void> {
  await enqueueAutoAssign(deps.queues, await teamsAffectedBy(deps.db, input));
}
