import type { Knex } from 'knex';
import type { MetricKind, TimelineEntry } from '../../services/metrics/computeMetricEvents';

export interface ConversationMetricContext {
  id: string;
  channelAccountId: string;
  platform: string;
  teamId: string | null;
}

/** One stored metric event (a row of `response_metrics`). */
export interface MetricRow {
  key: string;
  kind: MetricKind;
  episode: number;
  messageId: string | null;
  agentId: string | null;
  teamId: string | null;
  channel: string;
  startAt: Date | null;
  at: Date;
  seconds: number;
  businessSeconds: number | null;
  localDay: string;
  localHour: number;
}

const KIND_ORDER: readonly MetricKind[] = ['episode', 'first', 'handle', 'inbound', 'next', 'resolution'];

const ms = (d: Date | string | null): number | null => (d === null ? null : new Date(d).getTime());

export interface MetricTimeline {
  conversation: ConversationMetricContext;
  entries: TimelineEntry[];
}

/**
 * The conversation and everything that moves its clocks: customer messages, replies that reached the
 * platform (by an agent, or by the brand outside Caredesk), agents' notes and status changes.
 */
export async function loadMetricTimeline(db: Knex, conversationId: string): Promise<MetricTimeline | null> {
  return (await loadMetricTimelines(db, [conversationId])).get(conversationId) ?? null;
}

/** `loadMetricTimeline` for many conversations in three queries (a batch of ingests). */
export async function loadMetricTimelines(db: Knex, ids: string[]): Promise<Map<string, MetricTimeline>> {
  const result = new Map<string, MetricTimeline>();
  if (ids.length === 0) return result;
  const convs = await db('conversations as c')
    .join('channel_accounts as a', 'a.id', 'c.channel_account_id')
    .whereIn('c.id', ids)
    .select('c.id', 'c.channel_account_id', 'a.platform', 'c.team_id');
  for (const conv of convs) {
    result.set(conv.id, {
      conversation: {
        id: conv.id,
        channelAccountId: conv.channel_account_id,
        platform: conv.platform,
        teamId: conv.team_id ?? null,
      },
      entries: [],
    });
  }
  if (result.size === 0) return result;
  const found = [...result.keys()];
  const messages = await db('messages')
    .whereIn('conversation_id', found)
    .select(
      'id',
      'conversation_id',
      'direction',
      'channel',
      'private_reply',
      'author_user_id',
      'delivery_state',
      'platform_created_at',
      'received_at',
      'sent_at',
      'created_at',
    );
  const statuses = await db('conversation_events')
    .whereIn('conversation_id', found)
    .where({ type: 'conversation.status_changed' })
    .select('conversation_id', 'created_at', 'actor_user_id', db.raw("data->>'to' as to_status"));
  for (const m of messages) {
    const entries = result.get(m.conversation_id)!.entries;
    const channel = m.private_reply ? 'dm' : m.channel;
    if (m.direction === 'inbound') {
      const at = ms(m.platform_created_at ?? m.received_at)!;
      entries.push({ type: 'inbound', id: m.id, order: ms(m.received_at)!, at, channel });
    } else if (m.direction === 'note') {
      if (m.author_user_id) entries.push({ type: 'note', order: ms(m.created_at)!, at: ms(m.created_at)! });
    } else if (m.delivery_state === 'sent' && m.sent_at) {
      const at = ms(m.sent_at)!;
      entries.push(
        m.author_user_id
          ? {
              type: 'response',
              id: m.id,
              order: at,
              at,
              submittedAt: ms(m.created_at)!,
              agentId: m.author_user_id,
              channel,
            }
          : { type: 'native', order: at, at },
      );
    }
  }
  for (const st of statuses) {
    const at = ms(st.created_at)!;
    result
      .get(st.conversation_id)!
      .entries.push({ type: 'status', order: at, at, to: st.to_status, actorId: st.actor_user_id ?? null });
  }
  return result;
}

/** The stored metric rows of many conversations, by conversation id. */
export async function listMetricRowsOf(db: Knex, ids: string[]): Promise<Map<string, MetricRow[]>> {
  const result = new Map<string, MetricRow[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return result;
  const rows = await db('response_metrics')
    .whereIn('conversation_id', ids)
    .select('*', db.raw("to_char(local_day, 'YYYY-MM-DD') as day"));
  for (const r of rows) {
    result.get(r.conversation_id)?.push({
      key: r.key,
      kind: r.kind,
      episode: r.episode,
      messageId: r.message_id,
      agentId: r.agent_id,
      teamId: r.team_id,
      channel: r.channel,
      startAt: r.start_at,
      at: r.at,
      seconds: r.seconds,
      businessSeconds: r.business_seconds,
      localDay: r.day,
      localHour: r.local_hour,
    });
  }
  return result;
}

/**
 * Applies diffs of many conversations: rows to delete (by key) and rows to insert, each in one statement;
 * the rollup trigger follows each row.
 */
export async function writeMetricRows(
  trx: Knex.Transaction,
  changes: Array<{ conversation: ConversationMetricContext; deleteKeys: string[]; insert: MetricRow[] }>,
): Promise<void> {
  const deletes = changes.flatMap((c) => c.deleteKeys.map((key) => [c.conversation.id, key]));
  if (deletes.length > 0) {
    await trx('response_metrics').whereIn(['conversation_id', 'key'], deletes).delete();
  }
  // One fixed order (kind, key, conversation) for the rollup rows the trigger locks, so that two
  // transactions writing the same day's histogram take the locks in the same order and cannot deadlock.
  const rows = changes
    .flatMap((c) => c.insert.map((r) => ({ c: c.conversation, r })))
    .sort(
      (a, b) =>
        KIND_ORDER.indexOf(a.r.kind) - KIND_ORDER.indexOf(b.r.kind) ||
        a.r.key.localeCompare(b.r.key) ||
        a.c.id.localeCompare(b.c.id),
    );
  if (rows.length === 0) return;
  await trx('response_metrics').insert(
    rows.map(({ c, r }) => ({
      conversation_id: c.id,
      key: r.key,
      kind: r.kind,
      episode: r.episode,
      message_id: r.messageId,
      agent_id: r.agentId,
      team_id: r.teamId,
      channel_account_id: c.channelAccountId,
      platform: c.platform,
      channel: r.channel,
      start_at: r.startAt,
      at: r.at,
      seconds: r.seconds,
      business_seconds: r.businessSeconds,
      local_day: r.localDay,
      local_hour: r.localHour,
    })),
  );
}

/** Conversation ids after `afterId` in id order (keyset), for recomputing every conversation. */
export async function listConversationIdsAfter(
  db: Knex,
  afterId: string | null,
  limit: number,
): Promise<string[]> {
  const q = db('conversations').orderBy('id').limit(limit);
  if (afterId) q.where('id', '>', afterId);
  return q.pluck('id');
}

/** Takes the conversation's row lock, as the reply, status and ingest paths do before recomputing. */
export async function lockConversationForMetrics(
  trx: Knex.Transaction,
  conversationId: string,
): Promise<void> {
  await trx('conversations').where({ id: conversationId }).forNoKeyUpdate().first('id');
}
