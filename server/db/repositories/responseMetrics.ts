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

/**
 * The conversation and everything that moves its clocks: customer messages, replies that reached the
 * platform (by an agent, or by the brand outside Caredesk), agents' notes and status changes.
 */
export async function loadMetricTimeline(
  db: Knex,
  conversationId: string,
): Promise<{ conversation: ConversationMetricContext; entries: TimelineEntry[] } | null> {
  const conv = await db('conversations as c')
    .join('channel_accounts as a', 'a.id', 'c.channel_account_id')
    .where('c.id', conversationId)
    .first('c.id', 'c.channel_account_id', 'a.platform', 'c.team_id');
  if (!conv) return null;
  const messages = await db('messages')
    .where({ conversation_id: conversationId })
    .select(
      'id',
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
    .where({ conversation_id: conversationId, type: 'conversation.status_changed' })
    .select('created_at', 'actor_user_id', db.raw("data->>'to' as to_status"));
  const entries: TimelineEntry[] = [];
  for (const m of messages) {
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
  for (const s of statuses) {
    const at = ms(s.created_at)!;
    entries.push({ type: 'status', order: at, at, to: s.to_status, actorId: s.actor_user_id ?? null });
  }
  return {
    conversation: {
      id: conv.id,
      channelAccountId: conv.channel_account_id,
      platform: conv.platform,
      teamId: conv.team_id ?? null,
    },
    entries,
  };
}

export async function listConversationMetricRows(db: Knex, conversationId: string): Promise<MetricRow[]> {
  const rows = await db('response_metrics')
    .where({ conversation_id: conversationId })
    .select('*', db.raw("to_char(local_day, 'YYYY-MM-DD') as day"));
  return rows.map((r) => ({
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
  }));
}

/** Applies a diff: rows to delete (by key) and rows to insert; the rollup trigger follows each row. */
export async function writeConversationMetricRows(
  trx: Knex.Transaction,
  conversation: ConversationMetricContext,
  change: { deleteKeys: string[]; insert: MetricRow[] },
): Promise<void> {
  if (change.deleteKeys.length > 0) {
    await trx('response_metrics')
      .where({ conversation_id: conversation.id })
      .whereIn('key', change.deleteKeys)
      .delete();
  }
  if (change.insert.length === 0) return;
  // One fixed order (kind, key) for the rollup rows the trigger locks, so that two transactions writing
  // the same day's histogram take the locks in the same order and cannot deadlock on each other.
  const rows = [...change.insert].sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.key.localeCompare(b.key),
  );
  await trx('response_metrics').insert(
    rows.map((r) => ({
      conversation_id: conversation.id,
      key: r.key,
      kind: r.kind,
      episode: r.episode,
      message_id: r.messageId,
      agent_id: r.agentId,
      team_id: r.teamId,
      channel_account_id: conversation.channelAccountId,
      platform: conversation.platform,
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
