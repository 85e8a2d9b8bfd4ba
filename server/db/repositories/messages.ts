import type { Knex } from 'knex';
import type { DeliveryState, MessageDto } from '../../../common/types';
import { toMessageDto } from './mappers';

export interface MessageRow {
  id: string;
  conversation_id: string;
  channel_account_id: string;
  direction: 'inbound' | 'outbound' | 'note';
  channel: 'public' | 'dm';
  private_reply: boolean;
  external_id: string | null;
  in_reply_to_external_id: string | null;
  author_user_id: string | null;
  text: string;
  delivery_state: DeliveryState | null;
  delivery_error: string | null;
  delivery_attempts: number;
  sending_started_at: Date | null;
  created_at: Date;
  /** Outbound: an image to send with the reply (attachments table). */
  attachment_id?: string | null;
}

export interface NewInboundMessage {
  conversationId: string;
  channel: 'public' | 'dm';
  context: unknown;
  channelAccountId: string;
  contactId: string;
  externalId: string;
  inReplyToExternalId: string | null;
  authorName: string;
  authorHandle: string;
  text: string;
  raw: unknown;
  platformCreatedAt: string;
}

/** Inserts an inbound message; returns null when (account, external id) was already stored. */
export async function insertInboundMessage(
  trx: Knex.Transaction,
  m: NewInboundMessage,
): Promise<MessageRow | null> {
  const rows = await trx('messages')
    .insert({
      conversation_id: m.conversationId,
      channel_account_id: m.channelAccountId,
      direction: 'inbound',
      channel: m.channel,
      context: JSON.stringify(m.context ?? null),
      external_id: m.externalId,
      in_reply_to_external_id: m.inReplyToExternalId,
      author_contact_id: m.contactId,
      author_name: m.authorName,
      author_handle: m.authorHandle,
      text: m.text,
      raw: JSON.stringify(m.raw ?? null),
      platform_created_at: m.platformCreatedAt,
    })
    .onConflict(['channel_account_id', 'external_id'])
    .ignore()
    .returning('*');
  return (rows[0] as MessageRow | undefined) ?? null;
}

export interface NewOutboundMessage {
  conversationId: string;
  channel: 'public' | 'dm';
  privateReply?: boolean;
  channelAccountId: string;
  authorUserId: string;
  authorName: string;
  text: string;
  inReplyToExternalId: string | null;
  idempotencyKey: string;
  attachmentId?: string | null;
  /** Needs approval first: stored as a `draft` the outbound worker and the sweeper never touch. */
  draft?: boolean;
}

/**
 * Inserts an outbox row in state `queued`. With the same (author, idempotency key) it returns the
 * existing row instead, so a double submit creates one reply.
 */
export async function insertOutboundMessage(
  trx: Knex.Transaction,
  m: NewOutboundMessage,
): Promise<{ row: MessageRow; created: boolean }> {
  const rows = await trx('messages')
    .insert({
      conversation_id: m.conversationId,
      channel_account_id: m.channelAccountId,
      direction: 'outbound',
      channel: m.channel,
      private_reply: m.privateReply ?? false,
      author_user_id: m.authorUserId,
      author_name: m.authorName,
      text: m.text,
      in_reply_to_external_id: m.inReplyToExternalId,
      idempotency_key: m.idempotencyKey,
      attachment_id: m.attachmentId ?? null,
      delivery_state: m.draft ? 'draft' : 'queued',
      ...(m.draft ? { approval_state: 'pending' } : {}),
    })
    .onConflict(['author_user_id', 'idempotency_key'])
    .ignore()
    .returning('*');
  if (rows[0]) return { row: rows[0] as MessageRow, created: true };
  const existing = await trx('messages')
    .where({ author_user_id: m.authorUserId, idempotency_key: m.idempotencyKey })
    .first();
  return { row: existing as MessageRow, created: false };
}

export async function getMessage(db: Knex, id: string): Promise<MessageRow | undefined> {
  return db('messages').where({ id }).first();
}

/**
 * Locks a message and, first, its conversation: the lock order conversation -> message is what
 * every transaction follows, so a reply being created and one being delivered cannot deadlock.
 */
export async function lockMessage(trx: Knex.Transaction, id: string): Promise<MessageRow | undefined> {
  const ref = await trx('messages').where({ id }).first('conversation_id');
  if (!ref) return undefined;
  await trx('conversations').where({ id: ref.conversation_id }).forNoKeyUpdate().first('id');
  return trx('messages').where({ id }).forUpdate().first();
}

/** Finds the reply an author already submitted with this idempotency key. */
export async function findByIdempotencyKey(
  db: Knex | Knex.Transaction,
  authorUserId: string,
  idempotencyKey: string,
): Promise<MessageRow | undefined> {
  return db('messages').where({ author_user_id: authorUserId, idempotency_key: idempotencyKey }).first();
}

export async function updateMessage(
  trx: Knex | Knex.Transaction,
  id: string,
  changes: Record<string, unknown>,
): Promise<MessageRow> {
  const [row] = await trx('messages')
    .where({ id })
    .update({ ...changes, updated_at: trx.fn.now() })
    .returning('*');
  return row as MessageRow;
}

export async function listConversationMessages(
  db: Knex | Knex.Transaction,
  conversationId: string,
): Promise<MessageDto[]> {
  const rows = await db('messages as m')
    .leftJoin('users as au', 'au.id', 'm.approval_user_id')
    .where('m.conversation_id', conversationId)
    .select('m.*', 'au.name as approval_user_name')
    .orderBy([
      { column: 'm.created_at', order: 'asc' },
      { column: 'm.id', order: 'asc' },
    ]);
  return rows.map(toMessageDto);
}

export async function getMessageDto(db: Knex, id: string): Promise<MessageDto | undefined> {
  const row = await db('messages as m')
    .leftJoin('users as au', 'au.id', 'm.approval_user_id')
    .where('m.id', id)
    .first('m.*', 'au.name as approval_user_name');
  return row ? toMessageDto(row) : undefined;
}

/** The newest inbound message of a conversation: what a reply answers. */
export async function latestInboundMessage(
  db: Knex | Knex.Transaction,
  conversationId: string,
  channel?: 'public' | 'dm',
): Promise<MessageRow | undefined> {
  return db('messages')
    .where({ conversation_id: conversationId, direction: 'inbound', ...(channel ? { channel } : {}) })
    .orderBy([
      { column: 'platform_created_at', order: 'desc' },
      { column: 'created_at', order: 'desc' },
    ])
    .first();
}

/**
 * Outbox rows whose job may have been lost (Redis flushed, worker killed): `queued` for longer than
 * `olderThanMs`, or `sending` for longer than `stuckSendingMs`.
 */
export async function listStaleOutbox(
  db: Knex,
  olderThanMs: number,
  stuckSendingMs: number,
  limit = 1000,
): Promise<Array<{ id: string }>> {
  return db('messages')
    .select('id')
    .where((w) =>
      w
        .where('delivery_state', 'queued')
        .andWhere('updated_at', '<', db.raw(`now() - (? * interval '1 millisecond')`, [olderThanMs])),
    )
    .orWhere((w) =>
      w
        .where('delivery_state', 'sending')
        .andWhere('updated_at', '<', db.raw(`now() - (? * interval '1 millisecond')`, [stuckSendingMs])),
    )
    .orderBy('updated_at')
    .limit(limit);
}
