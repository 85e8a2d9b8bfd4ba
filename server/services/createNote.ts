import type { Knex } from 'knex';
import type { MessageDto } from '../../common/types';
import { recordConversationEvent } from '../db/repositories/conversationEvents';
import { lockConversation } from '../db/repositories/conversations';
import { toMessageDto } from '../db/repositories/mappers';
import { insertMentionNotifications } from '../db/repositories/notifications';
import type { UserRow } from '../db/repositories/users';
import { NotFoundError, ValidationError } from '../errors';
import { notifyEvent } from '../realtime/bus';

/** Colleagues named in a note as @Initials or @"Full Name" / @FirstName. */
export function findMentions(
  text: string,
  users: Array<Pick<UserRow, 'id' | 'name' | 'initials'>>,
): string[] {
  const lower = text.toLowerCase();
  const ids = users.filter((u) => {
    const names = [u.initials, u.name, u.name.split(' ')[0] ?? '']
      .filter(Boolean)
      .map((n) => `@${n.toLowerCase()}`);
    return names.some((n) => {
      const i = lower.indexOf(n);
      return i >= 0 && !/[\p{L}\p{N}_]/u.test(lower[i + n.length] ?? '');
    });
  });
  return ids.map((u) => u.id);
}

/**
 * An internal note: never sent to the platform. Mentioned colleagues (never the author) are recorded on
 * the event and each gets a notification, announced to that colleague alone, in the same transaction.
 */
export async function createNote(
  db: Knex,
  input: { conversationId: string; author: UserRow; text: string },
): Promise<MessageDto> {
  const text = input.text.trim();
  if (!text) throw new ValidationError('Note text is empty', 'text');
  return db.transaction(async (trx) => {
    const conversation = await lockConversation(trx, input.conversationId);
    if (!conversation) throw new NotFoundError('Conversation');
    const users = await trx('users').where({ active: true }).select('id', 'name', 'initials');
    const mentioned = findMentions(text, users).filter((id) => id !== input.author.id);
    const [row] = await trx('messages')
      .insert({
        conversation_id: conversation.id,
        channel_account_id: conversation.channel_account_id,
        direction: 'note',
        author_user_id: input.author.id,
        author_name: input.author.name,
        text,
      })
      .returning('*');
    await recordConversationEvent(trx, {
      conversationId: conversation.id,
      type: 'note.created',
      actorKind: 'user',
      actorUserId: input.author.id,
      data: { messageId: row.id, mentioned },
    });
    await notifyEvent(trx, { type: 'message.created', conversationId: conversation.id, messageId: row.id });
    const notifications = await insertMentionNotifications(trx, {
      userIds: mentioned,
      conversationId: conversation.id,
      actorId: input.author.id,
      messageId: row.id,
    });
    for (const n of notifications) {
      await notifyEvent(trx, { type: 'notification.created', userId: n.userId, notificationIds: [n.id] });
    }
    return toMessageDto(row);
  });
}
