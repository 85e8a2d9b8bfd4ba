import type { Knex } from 'knex';
import type { InboundItem } from '../channels/adapter';
import { recordConversationEvent } from '../db/repositories/conversationEvents';
import { updateConversation } from '../db/repositories/conversations';
import { notifyEvent } from '../realtime/bus';
import type { IngestOutcome } from './ingestInboundItem';

/**
 * A post by the connected account itself (e.g. a reply written natively on X). It is never a new
 * ticket: when it answers a message we know, it joins that conversation as a sent outbound message;
 * when Caredesk itself sent it, the unique external id makes this a no-op.
 */
export async function ingestOwnPost(
  trx: Knex.Transaction,
  accountId: string,
  item: InboundItem,
): Promise<IngestOutcome> {
  if (!item.inReplyToExternalId) return { kind: 'own_post_unmatched' };
  const parent = await trx('messages')
    .where({ channel_account_id: accountId, external_id: item.inReplyToExternalId })
    .first('conversation_id');
  if (!parent) return { kind: 'own_post_unmatched' };
  const rows = await trx('messages')
    .insert({
      conversation_id: parent.conversation_id,
      channel_account_id: accountId,
      direction: 'outbound',
      external_id: item.externalId,
      in_reply_to_external_id: item.inReplyToExternalId,
      author_name: item.author.name,
      author_handle: item.author.handle,
      text: item.text,
      raw: JSON.stringify(item.raw ?? null),
      platform_created_at: item.createdAt,
      delivery_state: 'sent',
      sent_at: item.createdAt,
    })
    .onConflict(['channel_account_id', 'external_id'])
    .ignore()
    .returning('id');
  if (!rows[0]) return { kind: 'duplicate' };
  const conversationId = parent.conversation_id as string;
  const version = await updateConversation(trx, conversationId, {
    last_outbound_at: trx.raw('greatest(last_outbound_at, ?)', [item.createdAt]),
    waiting_since: null,
  });
  await recordConversationEvent(trx, {
    conversationId,
    type: 'reply.sent',
    actorKind: 'system',
    data: { externalId: item.externalId, native: true },
  });
  await notifyEvent(trx, { type: 'conversation.updated', conversationId, version });
  await notifyEvent(trx, { type: 'message.created', conversationId, messageId: rows[0].id });
  return { kind: 'own_post_recorded' };
}
