import type { Knex } from 'knex';
import type { NotificationDto } from '../../../common/types';
import { whereAccountVisible } from './accountVisibility';

const EXCERPT_LENGTH = 140;

/** The start of a note, on one line, cut at a word where possible. */
export function excerptOf(text: string, max = EXCERPT_LENGTH): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** One `mention` notification per user for this note; returns the new rows' ids and users. */
export async function insertMentionNotifications(
  trx: Knex.Transaction,
  input: { userIds: string[]; conversationId: string; actorId: string; messageId: string },
): Promise<Array<{ id: string; userId: string }>> {
  if (input.userIds.length === 0) return [];
  const rows = await trx('notifications')
    .insert(
      input.userIds.map((userId) => ({
        user_id: userId,
        kind: 'mention',
        conversation_id: input.conversationId,
        actor_id: input.actorId,
        message_id: input.messageId,
      })),
    )
    .onConflict(['user_id', 'message_id'])
    .ignore()
    .returning(['id', 'user_id']);
  return (rows as Array<{ id: string; user_id: string }>).map((r) => ({ id: r.id, userId: r.user_id }));
}

/** Tells a draft's author it was approved or rejected (with the reason); one per draft. */
export async function insertApprovalNotification(
  trx: Knex.Transaction,
  input: {
    userId: string;
    conversationId: string;
    actorId: string;
    messageId: string;
    outcome: 'approved' | 'rejected';
    reason: string | null;
  },
): Promise<{ id: string } | null> {
  const rows = await trx('notifications')
    .insert({
      user_id: input.userId,
      kind: 'approval',
      conversation_id: input.conversationId,
      actor_id: input.actorId,
      message_id: input.messageId,
      data: { outcome: input.outcome, reason: input.reason },
    })
    .onConflict(['user_id', 'message_id'])
    .ignore()
    .returning('id');
  const row = (rows as Array<{ id: string }>)[0];
  return row ? { id: row.id } : null;
}

/** The user's notifications, newest first. */
/**
 * The user's notifications on conversations they may still see: a mention on another team's account
 * (or one moved away since) must not show its customer or excerpt.
 */
export async function listNotifications(db: Knex, userId: string, limit: number): Promise<NotificationDto[]> {
  const q = db('notifications as n')
    .join('conversations as c', 'c.id', 'n.conversation_id')
    .join('contacts as ct', 'ct.id', 'c.contact_id')
    .leftJoin('users as u', 'u.id', 'n.actor_id')
    .leftJoin('messages as m', 'm.id', 'n.message_id')
    .where('n.user_id', userId)
    .select(
      'n.id',
      'n.kind',
      'n.conversation_id',
      'n.created_at',
      'n.read_at',
      'n.data',
      'u.name as actor_name',
      'm.author_name',
      'm.text',
      'ct.name as contact_name',
      'ct.handle as contact_handle',
    )
    .orderBy([
      { column: 'n.created_at', order: 'desc' },
      { column: 'n.id', order: 'desc' },
    ])
    .limit(limit);
  whereAccountVisible(q, db, 'c.channel_account_id', userId);
  const rows = await q;
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    conversationId: row.conversation_id,
    actorName: row.actor_name ?? (row.author_name || null),
    contactName: row.contact_name,
    contactHandle: row.contact_handle,
    excerpt: excerptOf(row.text ?? ''),
    createdAt: new Date(row.created_at).toISOString(),
    readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
    approval:
      row.kind === 'approval'
        ? { outcome: row.data?.outcome ?? 'approved', reason: row.data?.reason ?? null }
        : null,
  }));
}

export async function countUnreadNotifications(db: Knex, userId: string): Promise<number> {
  const q = db('notifications as n')
    .join('conversations as c', 'c.id', 'n.conversation_id')
    .where('n.user_id', userId)
    .whereNull('n.read_at');
  whereAccountVisible(q, db, 'c.channel_account_id', userId);
  const row = await q.count<{ n: number }>('* as n').first();
  return Number(row?.n ?? 0);
}

/**
 * Marks the user's unread notifications as read: the given ids, or all of them. Other users'
 * notifications are never touched, whatever ids are sent. Returns the ids that changed.
 */
export async function markNotificationsRead(
  trx: Knex.Transaction,
  userId: string,
  which: { ids: string[] } | { all: true },
): Promise<string[]> {
  const q = trx('notifications').where({ user_id: userId }).whereNull('read_at');
  if ('ids' in which) q.whereIn('id', which.ids);
  const rows = await q.update({ read_at: trx.fn.now() }).returning('id');
  return (rows as Array<{ id: string }>).map((r) => r.id);
}
