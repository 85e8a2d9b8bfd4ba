import type { Knex } from 'knex';
import type { Priority } from '../../common/types';
import { type ConversationEventType, recordConversationEvent } from '../db/repositories/conversationEvents';
import { lockConversation, updateConversation } from '../db/repositories/conversations';
import { NotFoundError, ValidationError } from '../errors';
import { notifyEvent } from '../realtime/bus';
import { refreshConversationSla } from './conversationSla';

export interface FieldChanges {
  priority?: Priority | undefined;
  tags?: string[] | undefined;
  snoozedUntil?: string | null | undefined;
}

/** Priority, tags and snooze, each change audited; one version bump and one event for all. */
export async function updateConversationFields(
  db: Knex,
  input: { conversationId: string; userId: string; changes: FieldChanges; now?: Date },
): Promise<void> {
  const { changes } = input;
  const now = input.now ?? new Date();
  if (changes.snoozedUntil && Date.parse(changes.snoozedUntil) <= now.getTime()) {
    throw new ValidationError('snoozedUntil must be in the future', 'snoozedUntil');
  }
  await db.transaction(async (trx) => {
    const current = await trx('conversations')
      .where({ id: input.conversationId })
      .first('priority', 'tags', 'snoozed_until');
    if (!current || !(await lockConversation(trx, input.conversationId)))
      throw new NotFoundError('Conversation');
    const update: Record<string, unknown> = {};
    const events: Array<{ type: string; data: Record<string, unknown> }> = [];
    if (changes.priority !== undefined && changes.priority !== current.priority) {
      update.priority = changes.priority;
      events.push({
        type: 'conversation.priority_changed',
        data: { from: current.priority, to: changes.priority },
      });
    }
    if (changes.tags !== undefined) {
      const tags = [...new Set(changes.tags.map((t) => t.trim().toLowerCase()).filter(Boolean))].sort();
      if (tags.join(',') !== [...(current.tags ?? [])].sort().join(',')) {
        update.tags = tags;
        events.push({ type: 'conversation.tags_changed', data: { from: current.tags ?? [], to: tags } });
      }
    }
    if (changes.snoozedUntil !== undefined) {
      update.snoozed_until = changes.snoozedUntil;
      events.push({
        type: changes.snoozedUntil ? 'conversation.snoozed' : 'conversation.unsnoozed',
        data: { until: changes.snoozedUntil },
      });
    }
    if (events.length === 0) return;
    const version = await updateConversation(trx, input.conversationId, update);
    if (update.priority !== undefined) await refreshConversationSla(trx, input.conversationId);
    for (const e of events) {
      await recordConversationEvent(trx, {
        conversationId: input.conversationId,
        type: e.type as ConversationEventType,
        actorKind: 'user',
        actorUserId: input.userId,
        data: e.data,
      });
    }
    await notifyEvent(trx, { type: 'conversation.updated', conversationId: input.conversationId, version });
  });
}
