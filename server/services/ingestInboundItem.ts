import type { Knex } from 'knex';
import type { RoutingRuleDto } from '../../common/routing';
import type { Platform } from '../../common/types';
import type { InboundItem } from '../channels/adapter';
import type { ChannelAccountRow } from '../db/repositories/channelAccounts';
import { upsertContact } from '../db/repositories/contacts';
import { recordConversationEvent, recordConversationEvents } from '../db/repositories/conversationEvents';
import type { SlaFields, SlaInputRow } from '../db/repositories/conversationSla';
import {
  type ConversationRow,
  findActiveConversationForContact,
  updateConversation,
  upsertConversationForThread,
} from '../db/repositories/conversations';
import { insertInboundMessage } from '../db/repositories/messages';
import { notifyAccountEvents, notifyEvent } from '../realtime/bus';
import { ingestOwnPost } from './ingestOwnPost';
import type { CalendarProvider } from './metrics/businessCalendar';
import { routeNewConversation } from './routeConversation';
import { computeSlaFields, type SlaConfig, slaFieldsDiffer } from './slaDue';

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

export const snippetOf = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 200);

/**
 * What a batch of ingests reads once instead of per item: SLA policies and team calendars (for due
 * times and business-hours metrics), routing rules, accounts, and the batch's contacts (upserted in one
 * statement). Conversations touched are collected in `metricsDue`: their metric events are recomputed
 * once, at the end of the batch, so the shared rollup rows are locked only for the end of the transaction.
 */
export interface IngestBatchContext {
  sla: SlaConfig;
  calendars: CalendarProvider;
  routingRules: RoutingRuleDto[];
  /** `${platform}:${platformUserId}` -> contact id. */
  contacts: Map<string, string>;
  metricsDue: Set<string>;
}

export const contactKey = (platform: string, platformUserId: string) => `${platform}:${platformUserId}`;

/**
 * Turns one locked, unprocessed platform item into contact + conversation + message inside the batch's
 * transaction, idempotently (unique (account, external id)). Realtime events are sent with NOTIFY inside
 * the transaction, so they reach browsers only once it has committed.
 */
export async function ingestStoredItem(
  trx: Knex.Transaction,
  account: Pick<ChannelAccountRow, 'id' | 'platform'>,
  item: InboundItem,
  ctx: IngestBatchContext,
): Promise<IngestOutcome> {
  return item.action
    ? applyPlatformChange(trx, account.id, item)
    : item.fromAccount
      ? ingestOwnPost(trx, account.id, item)
      : ingestCustomerItem(trx, account.id, account.platform, item, ctx);
}

async function ingestCustomerItem(
  trx: Knex.Transaction,
  accountId: string,
  platform: 'x' | 'facebook',
  item: InboundItem,
  ctx: IngestBatchContext,
): Promise<IngestOutcome> {
  const contactId =
    ctx.contacts.get(contactKey(platform, item.author.platformUserId)) ??
    (await upsertContact(trx, platform, item.author));
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
  // The due time follows from the row as this update leaves it: computed here and written in the same
  // statement (refreshConversationSla's rules, without reading the row back).
  const sla = slaAfterInbound(conversation, platform, item, reopened, ctx);
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
    ...sla,
  });
  ctx.metricsDue.add(conversation.id);
  await recordConversationEvents(trx, [
    ...(created
      ? [
          {
            conversationId: conversation.id,
            type: 'conversation.created' as const,
            actorKind: 'customer' as const,
            data: { externalId: item.externalId },
          },
        ]
      : reopened
        ? [
            {
              conversationId: conversation.id,
              type: 'conversation.reopened' as const,
              actorKind: 'customer' as const,
              data: { from: conversation.status, externalId: item.externalId },
            },
          ]
        : []),
    {
      conversationId: conversation.id,
      type: 'message.received',
      actorKind: 'customer',
      data: { messageId: message.id, externalId: item.externalId },
    },
  ]);
  await notifyAccountEvents(trx, accountId, [
    {
      type: created ? 'conversation.created' : 'conversation.updated',
      conversationId: conversation.id,
      version,
    },
    { type: 'message.created', conversationId: conversation.id, messageId: message.id },
  ]);
  if (created) await routeNewConversation(trx, conversation.id, ctx.routingRules);
  return {
    kind: 'ingested',
    conversationId: conversation.id,
    messageId: message.id,
    createdConversation: created,
    platform,
    platformCreatedAt: item.createdAt,
  };
}

/** The SLA columns after an inbound message, or nothing when they stay as they are. */
export function slaAfterInbound(
  conversation: ConversationRow,
  platform: Platform,
  item: InboundItem,
  reopened: boolean,
  ctx: IngestBatchContext,
): Partial<SlaFields> {
  const row = conversation as unknown as SlaInputRow;
  const after: SlaInputRow = {
    ...row,
    platform,
    status: reopened ? 'open' : row.status,
    waiting_since: row.waiting_since ?? new Date(item.createdAt),
  };
  const next = computeSlaFields(after, ctx.sla, new Date(), {
    at: new Date(item.createdAt),
    reopened: conversation.status === 'resolved',
  });
  return slaFieldsDiffer(after, next) ? next : {};
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
