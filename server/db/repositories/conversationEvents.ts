import type { Knex } from 'knex';
import type { ConversationEventDto } from '../../../common/types';

export type ConversationEventType =
  | 'conversation.created'
  | 'conversation.reopened'
  | 'conversation.status_changed'
  | 'message.received'
  | 'message.edited'
  | 'message.hidden'
  | 'message.unhidden'
  | 'message.deleted'
  | 'reply.queued'
  | 'reply.sent'
  | 'reply.failed'
  | 'reply.retried'
  | 'reply.drafted'
  | 'reply.approved'
  | 'reply.edited_on_approval'
  | 'reply.rejected'
  | 'conversation.assigned'
  | 'conversation.team_assigned'
  | 'conversation.claimed'
  | 'conversation.unassigned'
  | 'conversation.takeover'
  | 'conversation.priority_changed'
  | 'conversation.tags_changed'
  | 'conversation.snoozed'
  | 'conversation.unsnoozed'
  | 'note.created'
  | 'sla.breached'
  | 'conversation.routed'
  | 'conversation.returned_to_queue';

export interface NewConversationEvent {
  conversationId: string;
  type: ConversationEventType;
  actorUserId?: string | null;
  actorKind: 'user' | 'customer' | 'system';
  data?: Record<string, unknown>;
}

/** Appends to the conversation's audit trail: every change, who, when. */
export async function recordConversationEvent(trx: Knex.Transaction, e: NewConversationEvent): Promise<void> {
  await recordConversationEvents(trx, [e]);
}

/** Several entries in one statement, in the given order (ids ascend with it). */
export async function recordConversationEvents(
  trx: Knex.Transaction,
  events: NewConversationEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await trx('conversation_events').insert(
    events.map((e) => ({
      conversation_id: e.conversationId,
      type: e.type,
      actor_user_id: e.actorUserId ?? null,
      actor_kind: e.actorKind,
      data: e.data ?? {},
    })),
  );
}

/** The audit trail of a conversation, oldest first, with the acting user's name. */
export async function listConversationEvents(
  db: Knex,
  conversationId: string,
): Promise<ConversationEventDto[]> {
  const rows = await db('conversation_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .where('e.conversation_id', conversationId)
    .orderBy('e.id', 'asc')
    .select('e.id', 'e.type', 'e.actor_kind', 'e.data', 'e.created_at', 'u.name as actor_name');
  return rows.map((r) => ({
    id: String(r.id),
    type: r.type,
    actorName: r.actor_name ?? null,
    actorKind: r.actor_kind,
    data: r.data ?? {},
    createdAt: new Date(r.created_at).toISOString(),
  }));
}
