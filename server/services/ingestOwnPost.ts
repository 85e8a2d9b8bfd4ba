import type { Knex } from 'knex';
import type { InboundItem } from '../channels/adapter';
import { recordConversationEvent } from '../db/repositories/conversationEvents';
import { updateConversation } from '../db/repositories/conversations';
import { notifyEvent } from '../realtime/bus';
import { refreshConversationSla } from './conversationSla';
import type { IngestOutcome } from './ingestInboundItem';

/** The conversation an item by the account itself belongs to, or null when we have none. */
async function conversationForOwnItem(
  trx: Knex.Transaction,
  accountId: string,
  item: InboundItem,
): Promise<string | null> {
  if (item.channel === 'dm') {
    const counterpart = item.context.counterpartId;
    if (!counterpart) return null;
    const row = await trx('conversations as c')
      .join('contacts as ct', 'ct.id', 'c.contact_id')
      .where({ 'c.channel_account_id': accountId, 'ct.platform_user_id': counterpart })
      .orderByRaw("(c.status = 'resolved') asc, c.updated_at desc")
      .first('c.id');
    return row?.id ?? null;
  }
  if (!item.inReplyToExternalId) return null;
  const parent = await trx('messages')
    .where({ channel_account_id: accountId, external_id: item.inReplyToExternalId })
    .first('conversation_id');
  return parent?.conversation_id ?? null;
}

/**
 * A post or DM by the connected account itself (e.g. a reply written natively on X). It is never a
 * new ticket: when it answers a conversation we know, it joins it as a sent outbound message; when
 * Caredesk itself sent it, the unique (account, external id) makes this a no-op.
 */
export async function ingestOwnPost(
  trx: Knex.Transaction,
  accountId: string,
  item: InboundItem,
): Promise<IngestOutcome> {
  const conversationId = await conversationForOwnItem(trx, accountId, item);
  if (!conversationId) return { kind: 'own_post_unmatched' };
  // Lock order: conversation before its messages.
  await trx('conversations').where({ id: conversationId }).forNoKeyUpdate().first('id');
  const rows = await trx('messages')
    .insert({
      conversation_id: conversationId,
      channel_account_id: accountId,
      direction: 'outbound',
      channel: item.channel,
      context: JSON.stringify(item.context),
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
  const version = await updateConversation(trx, conversationId, {
    last_outbound_at: trx.raw('greatest(last_outbound_at, ?)', [item.createdAt]),
    waiting_since: null,
  });
  await refreshConversationSla(trx, conversationId);
  await recordConversationEvent(trx, {
    conversationId,
    type: 'reply.sent',
    actorKind: 'system',
    data: { externalId: item.externalId, native: true, channel: item.channel },
  });
  await notifyEvent(trx, { type: 'conversation.updated', conversationId, version });
  await notifyEvent(trx, { type: 'message.created', conversationId, messageId: rows[0].id });
  return { kind: 'own_post_recorded' };
}
