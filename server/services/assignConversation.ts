import type { Knex } from 'knex';
import { recordConversationEvent } from '../db/repositories/conversationEvents';
import { lockConversation, updateConversation } from '../db/repositories/conversations';
import { getUser } from '../db/repositories/users';
import { NotFoundError, UnprocessableError } from '../errors';
import { notifyEvent } from '../realtime/bus';

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

export async function assignConversation(
  db: Knex,
  input: { conversationId: string; assigneeId: string | null; actorUserId: string },
): Promise<void> {
  const kind: AssignKind =
    input.assigneeId === null
      ? 'unassigned'
      : input.assigneeId === input.actorUserId
        ? 'claimed'
        : 'assigned';
  await db.transaction((trx) => setAssignee(trx, { ...input, kind }));
}
