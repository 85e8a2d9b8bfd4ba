import type { Knex } from 'knex';
import type { RealtimeEvent } from '../../common/types';
import type { InboundItem } from '../channels/adapter';
import type { ChannelAccountRow } from '../db/repositories/channelAccounts';
import { upsertContact } from '../db/repositories/contacts';
import { type NewConversationEvent, recordConversationEvents } from '../db/repositories/conversationEvents';
import type { ConversationRow } from '../db/repositories/conversations';
import { notifyStampedEvents } from '../realtime/bus';
import {
  contactKey,
  type IngestBatchContext,
  type IngestOutcome,
  slaAfterInbound,
  snippetOf,
} from './ingestInboundItem';
import { routeNewConversation } from './routeConversation';

export interface PublicGroupItem {
  id: string;
  account: Pick<ChannelAccountRow, 'id' | 'platform'>;
  item: InboundItem;
}

/**
 * The items the set-based path takes: a customer's public post, not an edit, a platform change or one
 * of the brand's own posts. A DM may join the customer's open conversation, so it goes item by item.
 */
export const isPlainPublicItem = (item: InboundItem) =>
  !item.action && !item.fromAccount && !item.supersedes?.length && item.channel === 'public';

/**
 * Ingests plain public items of distinct threads with a few statements in all, exactly as one by one
 * would (the caller cuts groups where a thread repeats, so no item of a group depends on another):
 * conversations upserted, messages inserted (an existing one is a duplicate), conversations updated
 * with their SLA fields, audit events appended, realtime events announced on commit, new conversations
 * routed. Metric events are left to the batch (`ctx.metricsDue`).
 */
export async function ingestPublicGroup(
  trx: Knex.Transaction,
  group: PublicGroupItem[],
  ctx: IngestBatchContext,
): Promise<Map<string, IngestOutcome>> {
  const outcomes = new Map<string, IngestOutcome>();
  const threadOf = (g: PublicGroupItem) => `${g.account.id}\u0000${g.item.threadKey}`;
  const contactIds = new Map<string, string>();
  for (const g of group) {
    const key = contactKey(g.account.platform, g.item.author.platformUserId);
    contactIds.set(
      g.id,
      ctx.contacts.get(key) ?? (await upsertContact(trx, g.account.platform, g.item.author)),
    );
  }

  // Conversations: created, else the existing one locked; in (account, thread) order against deadlocks.
  const sorted = [...group].sort((a, b) =>
    threadOf(a) < threadOf(b) ? -1 : threadOf(a) > threadOf(b) ? 1 : 0,
  );
  const created = (await trx('conversations')
    .insert(
      sorted.map((g) => ({
        channel_account_id: g.account.id,
        contact_id: contactIds.get(g.id),
        thread_key: g.item.threadKey,
        status: 'new',
      })),
    )
    .onConflict(['channel_account_id', 'thread_key'])
    .ignore()
    .returning('*')) as ConversationRow[];
  const conversations = new Map(created.map((c) => [`${c.channel_account_id}\u0000${c.thread_key}`, c]));
  const createdIds = new Set(created.map((c) => c.id));
  const missing = sorted.filter((g) => !conversations.has(threadOf(g)));
  if (missing.length > 0) {
    const existing = (await trx('conversations')
      .whereIn(
        ['channel_account_id', 'thread_key'],
        missing.map((g) => [g.account.id, g.item.threadKey]),
      )
      .orderBy('id')
      .forNoKeyUpdate()
      .select('*')) as ConversationRow[];
    for (const c of existing) conversations.set(`${c.channel_account_id}\u0000${c.thread_key}`, c);
  }

  const inserted = (await trx('messages')
    .insert(
      group.map((g) => ({
        conversation_id: conversations.get(threadOf(g))!.id,
        channel_account_id: g.account.id,
        direction: 'inbound',
        channel: g.item.channel,
        context: JSON.stringify(g.item.context ?? null),
        external_id: g.item.externalId,
        in_reply_to_external_id: g.item.inReplyToExternalId,
        author_contact_id: contactIds.get(g.id),
        author_name: g.item.author.name,
        author_handle: g.item.author.handle,
        text: g.item.text,
        raw: JSON.stringify(g.item.raw ?? null),
        platform_created_at: g.item.createdAt,
      })),
    )
    .onConflict(['channel_account_id', 'external_id'])
    .ignore()
    .returning(['id', 'channel_account_id', 'external_id'])) as Array<{
    id: string;
    channel_account_id: string;
    external_id: string;
  }>;
  const messageOf = new Map(inserted.map((m) => [`${m.channel_account_id}\u0000${m.external_id}`, m.id]));

  const fresh: Array<PublicGroupItem & { conversation: ConversationRow; messageId: string }> = [];
  for (const g of group) {
    const messageId = messageOf.get(`${g.account.id}\u0000${g.item.externalId}`);
    if (messageId) fresh.push({ ...g, conversation: conversations.get(threadOf(g))!, messageId });
    else outcomes.set(g.id, { kind: 'duplicate' });
  }
  if (fresh.length === 0) return outcomes;

  const updates = fresh.map((f) => {
    const c = f.conversation;
    const reopened = c.status === 'resolved' || c.status === 'pending';
    const sla = slaAfterInbound(c, f.account.platform, f.item, reopened, ctx);
    return {
      id: c.id,
      snippet: snippetOf(f.item.text),
      at: f.item.createdAt,
      lang: f.item.lang ?? null,
      reopen: reopened,
      sla: Object.keys(sla).length > 0,
      ...sla,
    };
  });
  const versions = new Map(
    (
      (await trx.raw(
        `update conversations c set
           snippet = v.snippet,
           first_inbound_at = coalesce(c.first_inbound_at, v.at),
           last_inbound_at = greatest(c.last_inbound_at, v.at),
           waiting_since = coalesce(c.waiting_since, v.at),
           language = coalesce(nullif(v.lang, ''), c.language),
           snoozed_until = null,
           status = case when v.reopen then 'open' else c.status end,
           resolved_at = case when v.reopen then null else c.resolved_at end,
           sla_target = case when v.sla then v.sla_target else c.sla_target end,
           sla_started_at = case when v.sla then v.sla_started_at else c.sla_started_at end,
           sla_due_at = case when v.sla then v.sla_due_at else c.sla_due_at end,
           sla_at_risk_at = case when v.sla then v.sla_at_risk_at else c.sla_at_risk_at end,
           sla_policy_id = case when v.sla then v.sla_policy_id else c.sla_policy_id end,
           sla_breached_at = case when v.sla then v.sla_breached_at else c.sla_breached_at end,
           version = c.version + 1,
           updated_at = now()
         from jsonb_to_recordset(?::jsonb) as v(id uuid, snippet text, at timestamptz, lang text,
           reopen boolean, sla boolean, sla_target text, sla_started_at timestamptz, sla_due_at timestamptz,
           sla_at_risk_at timestamptz, sla_policy_id uuid, sla_breached_at timestamptz)
         where c.id = v.id
         returning c.id, c.version`,
        [JSON.stringify(updates)],
      )) as { rows: Array<{ id: string; version: number }> }
    ).rows.map((r) => [r.id, r.version]),
  );

  const events: NewConversationEvent[] = [];
  const announcements: Array<{ channelAccountId: string; event: RealtimeEvent }> = [];
  for (const f of fresh) {
    const c = f.conversation;
    const isNew = createdIds.has(c.id);
    const reopened = c.status === 'resolved' || c.status === 'pending';
    if (isNew || reopened) {
      events.push({
        conversationId: c.id,
        type: isNew ? 'conversation.created' : 'conversation.reopened',
        actorKind: 'customer',
        data: isNew ? { externalId: f.item.externalId } : { from: c.status, externalId: f.item.externalId },
      });
    }
    events.push({
      conversationId: c.id,
      type: 'message.received',
      actorKind: 'customer',
      data: { messageId: f.messageId, externalId: f.item.externalId },
    });
    const version = versions.get(c.id) ?? c.version + 1;
    announcements.push(
      {
        channelAccountId: f.account.id,
        event: {
          type: isNew ? 'conversation.created' : 'conversation.updated',
          conversationId: c.id,
          version,
        },
      },
      {
        channelAccountId: f.account.id,
        event: { type: 'message.created', conversationId: c.id, messageId: f.messageId },
      },
    );
    ctx.metricsDue.add(c.id);
    outcomes.set(f.id, {
      kind: 'ingested',
      conversationId: c.id,
      messageId: f.messageId,
      createdConversation: isNew,
      platform: f.account.platform,
      platformCreatedAt: f.item.createdAt,
    });
  }
  await recordConversationEvents(trx, events);
  await notifyStampedEvents(trx, announcements);
  for (const f of fresh) {
    if (createdIds.has(f.conversation.id))
      await routeNewConversation(trx, f.conversation.id, ctx.routingRules);
  }
  return outcomes;
}
