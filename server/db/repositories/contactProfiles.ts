import type { Knex } from 'knex';
import type {
  ContactConversationDto,
  ContactProfileDto,
  ConversationOutcome,
  ConversationStatus,
} from '../../../common/types';
import { profileUrlFor } from '../../channels/profileUrl';
import { whereAccountVisible } from './accountVisibility';
import { toContactDto } from './mappers';

const iso = (d: Date | string | null | undefined): string | null =>
  d === null || d === undefined ? null : new Date(d).toISOString();

/** Resolved, snoozed (until the time comes), pending, or open (new and open). */
export function outcomeOf(
  status: ConversationStatus,
  snoozedUntil: Date | string | null,
  now: number,
): ConversationOutcome {
  if (status === 'resolved') return 'resolved';
  if (snoozedUntil !== null && new Date(snoozedUntil).getTime() > now) return 'snoozed';
  return status === 'pending' ? 'pending' : 'open';
}

export async function getContactProfile(db: Knex, id: string): Promise<ContactProfileDto | undefined> {
  const row = await db('contacts').where({ id }).first();
  if (!row) return undefined;
  return {
    ...toContactDto(row, ''),
    platform: row.platform,
    profileUrl: profileUrlFor(row.platform, row.handle),
    firstSeenAt: iso(row.created_at)!,
  };
}

/**
 * The customer's conversations on every connected account, newest first, with message counts and
 * first response time, plus how many there are in all.
 */
export async function listContactConversations(
  db: Knex,
  contactId: string,
  opts: { limit: number; now: number; visibleTo?: string },
): Promise<{ items: ContactConversationDto[]; total: number }> {
  const rowsQuery = db('conversations as c')
    .join('channel_accounts as a', 'a.id', 'c.channel_account_id')
    .leftJoin('users as u', 'u.id', 'c.assignee_id')
    // Counted per listed conversation (index on messages.conversation_id), not over all messages.
    .joinRaw(
      `left join lateral (
        select count(*) filter (where m.direction = 'inbound')::int as inbound_count,
               count(*) filter (where m.direction = 'outbound' and m.delivery_state <> 'draft')::int as outbound_count,
               count(*) filter (where m.direction = 'note')::int as note_count
        from messages m where m.conversation_id = c.id
      ) mc on true`,
    )
    .where('c.contact_id', contactId)
    .select(
      'c.id',
      'c.channel_account_id',
      'c.status',
      'c.snoozed_until',
      'c.created_at',
      'c.resolved_at',
      'c.first_inbound_at',
      'c.first_response_at',
      'c.snippet',
      'c.assignee_id',
      'c.tags',
      'c.updated_at',
      'a.platform',
      'a.handle as account_handle',
      'u.name as assignee_name',
      'mc.inbound_count',
      'mc.outbound_count',
      'mc.note_count',
    )
    .orderBy([
      { column: 'c.created_at', order: 'desc' },
      { column: 'c.id', order: 'desc' },
    ])
    .limit(opts.limit);
  const totalQuery = db('conversations as c').where('c.contact_id', contactId);
  if (opts.visibleTo) {
    whereAccountVisible(rowsQuery, db, 'c.channel_account_id', opts.visibleTo);
    whereAccountVisible(totalQuery, db, 'c.channel_account_id', opts.visibleTo);
  }
  const rows = await rowsQuery;
  const total = await totalQuery.count<{ n: number }>('* as n').first();
  return {
    items: rows.map((row) => ({
      id: row.id,
      platform: row.platform,
      channelAccountId: row.channel_account_id,
      accountHandle: row.account_handle,
      status: row.status,
      outcome: outcomeOf(row.status, row.snoozed_until, opts.now),
      createdAt: iso(row.created_at)!,
      resolvedAt: iso(row.resolved_at),
      firstResponseMs:
        row.first_inbound_at && row.first_response_at
          ? Math.max(0, new Date(row.first_response_at).getTime() - new Date(row.first_inbound_at).getTime())
          : null,
      messageCounts: {
        inbound: row.inbound_count ?? 0,
        outbound: row.outbound_count ?? 0,
        notes: row.note_count ?? 0,
      },
      snippet: row.snippet,
      assigneeId: row.assignee_id ?? null,
      assigneeName: row.assignee_name ?? null,
      tags: row.tags ?? [],
      updatedAt: iso(row.updated_at)!,
    })),
    total: Number(total?.n ?? 0),
  };
}
