import type { Knex } from 'knex';
import type { PendingDraftDto } from '../../../common/types';
import { excerptOf } from './notifications';

/** Drafts waiting for approval, oldest first (the customer has waited longest), with their total. */
export async function listPendingDrafts(
  db: Knex,
  limit: number,
): Promise<{ items: PendingDraftDto[]; total: number }> {
  const rows = await db('messages as m')
    .join('conversations as c', 'c.id', 'm.conversation_id')
    .join('contacts as ct', 'ct.id', 'c.contact_id')
    .where('m.approval_state', 'pending')
    .select(
      'm.id',
      'm.conversation_id',
      'm.author_name',
      'm.text',
      'm.created_at',
      'ct.name as contact_name',
      'ct.handle as contact_handle',
    )
    .orderBy([
      { column: 'm.created_at', order: 'asc' },
      { column: 'm.id', order: 'asc' },
    ])
    .limit(limit);
  const count = await db('messages')
    .where('approval_state', 'pending')
    .count<{ n: number }>('* as n')
    .first();
  return {
    total: Number(count?.n ?? 0),
    items: rows.map((row) => ({
      messageId: row.id,
      conversationId: row.conversation_id,
      authorName: row.author_name,
      contactName: row.contact_name,
      contactHandle: row.contact_handle,
      excerpt: excerptOf(row.text),
      createdAt: new Date(row.created_at).toISOString(),
    })),
  };
}
