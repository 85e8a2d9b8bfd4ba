import type { Knex } from 'knex';

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
  | 'reply.retried';

/** Appends to the conversation's audit trail: every change, who, when. */
export async function recordConversationEvent(
  trx: Knex.Transaction,
  e: {
    conversationId: string;
    type: ConversationEventType;
    actorUserId?: string | null;
    actorKind: 'user' | 'customer' | 'system';
    data?: Record<string, unknown>;
  },
): Promise<void> {
  await trx('conversation_events').insert({
    conversation_id: e.conversationId,
    type: e.type,
    actor_user_id: e.actorUserId ?? null,
    actor_kind: e.actorKind,
    data: e.data ?? {},
  });
}
