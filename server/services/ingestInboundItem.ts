import type { Knex } from 'knex';
import type { InboundItem } from '../channels/adapter';
import { inboundItemSchema } from '../channels/inboundItemSchema';
import { getChannelAccount } from '../db/repositories/channelAccounts';
import { upsertContact } from '../db/repositories/contacts';
import { recordConversationEvent } from '../db/repositories/conversationEvents';
import {
  findActiveConversationForContact,
  updateConversation,
  upsertConversationForThread,
} from '../db/repositories/conversations';
import { lockInboundItem, markInboundProcessed } from '../db/repositories/inboundItems';
import { insertInboundMessage } from '../db/repositories/messages';
import { notifyEvent } from '../realtime/bus';
import { refreshConversationSla } from './conversationSla';
import { ingestOwnPost } from './ingestOwnPost';
import { refreshConversationMetrics } from './metrics/refreshConversationMetrics';
import { routeNewConversation } from './routeConversation';

export type IngestOutcome =
  | {
      kind: 'ingested';
      conversationId: string;
      messageId: string;
      createdConversation: boolean;
      /** For the ingest-lag metric: when the platform says the item was created. */
      platform: 'x' | 'facebook';
      platformCreatedAt: string;
    }
  | { kind: 'edited'; conversationId: string; messageId: string }
  | { kind: 'changed'; conversationId: string; messageId: string; action: string }
  | { kind: 'change_for_unknown_item' }
  | { kind: 'duplicate' | 'already_processed' | 'missing' | 'own_post_recorded' | 'own_post_unmatched' };

const snippetOf = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 200);

/**
 * Turns one stored platform item into contact + conversation + message, in one transaction,
 * idempotently (unique (account, external id); the item row is locked). Realtime events are sent
 * with NOTIFY inside the transaction, so they reach browsers only once it has committed.
 */
export async function ingestInboundItem(db: Knex, inboundItemId: string): Promise<IngestOutcome> {
  return db.transaction(async (trx) => {
    const stored = await lockInboundItem(trx, inboundItemId);
    if (!stored) return { kind: 'missing' };
    if (stored.processed_at) return { kind: 'already_processed' };
    const item = inboundItemSchema.parse(stored.item);
    const account = await getChannelAccount(trx, stored.channel_account_id);
    if (!account) return { kind: 'missing' };

    const outcome = item.action
      ? await applyPlatformChange(trx, account.id, item)
      : item.fromAccount
        ? await ingestOwnPost(trx, account.id, item)
        : await ingestCustomerItem(trx, account.id, account.platform, item);
    await markInboundProcessed(trx, inboundItemId);
    return outcome;
  });
}

async function ingestCustomerItem(
  trx: Knex.Transaction,
  accountId: string,
  platform: 'x' | 'facebook',
  item: InboundItem,
): Promise<IngestOutcome> {
  const contactId = await upsertContact(trx, platform, item.author);
  if (item.supersedes?.length) {
    const edited = await applyEdit(trx, accountId, item);
    if (edited) return edited;
  }
  // A DM continues the customer's open conversation (public -> DM in one timeline).
  const active =
    item.channel === 'dm' ? await findActiveConversationForContact(trx, accountId, contactId) : undefined;
  const { row: conversation, created } = active
    ? { row: active, created: false }
    : await upsertConversationForThread(trx, {
        channelAccountId: accountId,
        contactId,
        threadKey: item.threadKey,
      });
  const message = await insertInboundMessage(trx, {
    conversationId: conversation.id,
    channel: item.channel,
    context: item.context,
    channelAccountId: accountId,
    contactId,
    externalId: item.externalId,
    inReplyToExternalId: item.inReplyToExternalId,
    authorName: item.author.name,
    authorHandle: item.author.handle,
    text: item.text,
    raw: item.raw,
    platformCreatedAt: item.createdAt,
  });
  if (!message) return { kind: 'duplicate' };

  const reopened = conversation.status === 'resolved' || conversation.status === 'pending';
  const version = await updateConversation(trx, conversation.id, {
    snippet: snippetOf(item.text),
    first_inbound_at: trx.raw('coalesce(first_inbound_at, ?)', [item.createdAt]),
    last_inbound_at: trx.raw('greatest(last_inbound_at, ?)', [item.createdAt]),
    waiting_since: trx.raw('coalesce(waiting_since, ?)', [item.createdAt]),
    // The customer's latest known language wins: people switch, and the newest message is what we answer.
    ...(item.lang ? { language: item.lang } : {}),
    // A customer writing again wakes a snoozed conversation.
    snoozed_until: null,
    ...(reopened ? { status: 'open', resolved_at: null } : {}),
  });
  await refreshConversationSla(trx, conversation.id, {
    inbound: { at: item.createdAt, reopened: conversation.status === 'resolved' },
  });
  await refreshConversationMetrics(trx, conversation.id);
  if (created) {
    await recordConversationEvent(trx, {
      conversationId: conversation.id,
      type: 'conversation.created',
      actorKind: 'customer',
      data: { externalId: item.externalId },
    });
  } else if (reopened) {
    await recordConversationEvent(trx, {
      conversationId: conversation.id,
      type: 'conversation.reopened',
      actorKind: 'customer',
      data: { from: conversation.status, externalId: item.externalId },
    });
  }
  await recordConversationEvent(trx, {
    conversationId: conversation.id,
    type: 'message.received',
    actorKind: 'customer',
    data: { messageId: message.id, externalId: item.externalId },
  });
  await notifyEvent(trx, {
    type: created ? 'conversation.created' : 'conversation.updated',
    conversationId: conversation.id,
    version,
  });
  await notifyEvent(trx, { type: 'message.created', conversationId: conversation.id, messageId: message.id });
  if (created) await routeNewConversation(trx, conversation.id);
  return {
    kind: 'ingested',
    conversationId: conversation.id,
    messageId: message.id,
    createdConversation: created,
    platform,
    platformCreatedAt: item.createdAt,
  };
}

/**
 * An edited post arrives with a new id and its earlier ids in `supersedes`: the message we already
 * have takes the new text and id (so a reply answers the current version), and the edit is audited.
 */
async function applyEdit(
  trx: Knex.Transaction,
  accountId: string,
  item: InboundItem,
): Promise<IngestOutcome | null> {
  const original = await trx('messages')
    .where({ channel_account_id: accountId })
    .whereIn('external_id', item.supersedes ?? [])
    .first('id', 'conversation_id', 'text', 'external_id');
  if (!original) return null;
  await trx('conversations').where({ id: original.conversation_id }).forNoKeyUpdate().first('id');
  await trx('messages')
    .where({ id: original.id })
    .update({
      text: item.text,
      external_id: item.externalId,
      context: JSON.stringify(item.context),
      raw: JSON.stringify(item.raw ?? null),
      updated_at: trx.fn.now(),
    });
  const version = await updateConversation(trx, original.conversation_id, { snippet: snippetOf(item.text) });
  await recordConversationEvent(trx, {
    conversationId: original.conversation_id,
    type: 'message.edited',
    actorKind: 'customer',
    data: { messageId: original.id, previousExternalId: original.external_id, previousText: original.text },
  });
  await notifyEvent(trx, {
    type: 'message.updated',
    conversationId: original.conversation_id,
    messageId: original.id,
  });
  await notifyEvent(trx, { type: 'conversation.updated', conversationId: original.conversation_id, version });
  return { kind: 'edited', conversationId: original.conversation_id, messageId: original.id };
}

/**
 * A change the platform reports for an item we have (Facebook: a comment edited, removed, hidden or
 * unhidden, by the customer or in Meta's tools): applied to the message and audited.
 */
async function applyPlatformChange(
  trx: Knex.Transaction,
  accountId: string,
  item: InboundItem,
): Promise<IngestOutcome> {
  const message = await trx('messages')
    .where({ channel_account_id: accountId, external_id: item.externalId })
    .first('id', 'conversation_id', 'text');
  if (!message) return { kind: 'change_for_unknown_item' };
  await trx('conversations').where({ id: message.conversation_id }).forNoKeyUpdate().first('id');
  const changes: Record<string, unknown> =
    item.action === 'edit'
      ? { text: item.text }
      : item.action === 'remove'
        ? { deleted_at: trx.fn.now() }
        : { hidden_at: item.action === 'hide' ? trx.fn.now() : null };
  await trx('messages')
    .where({ id: message.id })
    .update({ ...changes, updated_at: trx.fn.now() });
  const type = {
    edit: 'message.edited',
    remove: 'message.deleted',
    hide: 'message.hidden',
    unhide: 'message.unhidden',
  } as const;
  await recordConversationEvent(trx, {
    conversationId: message.conversation_id,
    type: type[item.action!],
    actorKind: 'system',
    data: {
      messageId: message.id,
      source: 'platform',
      ...(item.action === 'edit' ? { previousText: message.text } : {}),
    },
  });
  await notifyEvent(trx, {
    type: 'message.updated',
    conversationId: message.conversation_id,
    messageId: message.id,
  });
  return {
    kind: 'changed',
    conversationId: message.conversation_id,
    messageId: message.id,
    action: item.action!,
  };
}
