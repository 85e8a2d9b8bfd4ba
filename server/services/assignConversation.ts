import type { Knex } from 'knex';
import { recordConversationEvent } from '../db/repositories/conversationEvents';
import { lockConversation, updateConversation } from '../db/repositories/conversations';
import { getUser } from '../db/repositories/users';
import { NotFoundError, UnprocessableError } from '../errors';
import { notifyEvent } from '../realtime/bus';
import { refreshConversationSla } from './conversationSla';

export type AssignKind = 'assigned' | 'claimed' | 'unassigned' | 'takeover';

/**
 * Sets the conversation's assignee inside the caller's transaction (used by claim/assign routes and
 * by replies that take a conversation over). Audited with who did it and from whom.
 */
export async function setAssignee(
  trx: Knex.Transaction,
  input: { conversationId: string; assigneeId: string | null; actorUserId: string; kind: AssignKind },
): Promise<number | null> {
  const current = await lockConversation(trx, input.conversationId);
  if (!current) throw new NotFoundError('Conversation');
  if (current.assignee_id === input.assigneeId) return null;
  let assigneeName: string | null = null;
  if (input.assigneeId) {
    const user = await getUser(trx as unknown as Knex, input.assigneeId);
    if (!user?.active)
      throw new UnprocessableError('unknown_user', 'No active user with that id', 'assigneeId');
    assigneeName = user.name;
  }
  const version = await updateConversation(trx, current.id, { assignee_id: input.assigneeId });
  await recordConversationEvent(trx, {
    conversationId: current.id,
    type: `conversation.${input.kind}`,
    actorKind: 'user',
    actorUserId: input.actorUserId,
    data: { from: current.assignee_id, to: input.assigneeId, assigneeName },
  });
  await notifyEvent(trx, { type: 'conversation.updated', conversationId: current.id, version });
  return version;
}

/** Routes the conversation to a team (null: no team), audited like an assignment. */
export async function setTeam(
  trx: Knex.Transaction,
  input: { conversationId: string; teamId: string | null; actorUserId: string },
): Promise<number | null> {
  const current = await lockConversation(trx, input.conversationId);
  if (!current) throw new NotFoundError('Conversation');
  if (current.team_id === input.teamId) return null;
  let teamName: string | null = null;
  if (input.teamId) {
    const team = await trx('teams').where({ id: input.teamId }).first<{ name: string } | undefined>('name');
    if (!team) throw new UnprocessableError('unknown_team', 'No team with that id', 'teamId');
    teamName = team.name;
  }
  const version = await updateConversation(trx, current.id, { team_id: input.teamId });
  // Another team may work other hours.
  await refreshConversationSla(trx, current.id);
  await recordConversationEvent(trx, {
    conversationId: current.id,
    type: 'conversation.team_assigned',
    actorKind: 'user',
    actorUserId: input.actorUserId,
    data: { from: current.team_id, to: input.teamId, teamName },
  });
  await notifyEvent(trx, { type: 'conversation.updated', conversationId: current.id, version });
  return version;
}

/** Assigns to an agent, a team, or both (undefined: leave as is), in one transaction. */
export async function assignConversation(
  db: Knex,
  input: { conversationId: string; assigneeId?: string | null; teamId?: string | null; actorUserId: string },
): Promise<void> {
  await db.transaction(async (trx) => {
    if (input.teamId !== undefined) {
      await setTeam(trx, {
        conversationId: input.conversationId,
        teamId: input.teamId,
        actorUserId: input.actorUserId,
      });
    }
    if (input.assigneeId !== undefined) {
      const kind: AssignKind =
        input.assigneeId === null
          ? 'unassigned'
          : input.assigneeId === input.actorUserId
            ? 'claimed'
            : 'assigned';
      await setAssignee(trx, {
        conversationId: input.conversationId,
        assigneeId: input.assigneeId,
        actorUserId: input.actorUserId,
        kind,
      });
    }
  });
}
