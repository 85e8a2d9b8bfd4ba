import type { Knex } from 'knex';
import type { PresenceDto } from '../../../common/types';

/** A tab whose heartbeat is older than this is gone (closed without a goodbye, or its server died). */
export const PRESENCE_STALE_SECONDS = 45;
/** "Is typing" lapses this long after the last keystroke report, so a crashed tab stops "typing". */
export const TYPING_STALE_SECONDS = 10;

interface PresenceRow {
  socket_id: string;
  user_id: string;
  name: string;
  initials: string;
  conversation_id: string | null;
  typing: boolean;
  updated_at: Date;
}

function toDto(row: PresenceRow, online: boolean): PresenceDto {
  return {
    tabId: row.socket_id,
    userId: row.user_id,
    name: row.name,
    initials: row.initials,
    conversationId: row.conversation_id,
    typing: row.typing,
    online,
    updatedAt: row.updated_at.toISOString(),
  };
}

export interface PresenceWrite {
  socketId: string;
  userId: string;
  conversationId: string | null;
  typing: boolean;
}

/**
 * Records a tab's presence and tells whether anything others see changed (conversation or typing),
 * so a plain heartbeat need not be announced.
 */
export async function upsertPresence(
  trx: Knex.Transaction,
  write: PresenceWrite,
): Promise<{ presence: PresenceDto; changed: boolean }> {
  const before = await trx('agent_presence')
    .where({ socket_id: write.socketId })
    .forUpdate()
    .first<{ conversation_id: string | null; typing: boolean } | undefined>('conversation_id', 'typing');
  await trx('agent_presence')
    .insert({
      socket_id: write.socketId,
      user_id: write.userId,
      conversation_id: write.conversationId,
      typing: write.typing,
      updated_at: trx.fn.now(),
    })
    .onConflict('socket_id')
    .merge(['conversation_id', 'typing', 'updated_at']);
  const row = await presenceQuery(trx).where('p.socket_id', write.socketId).first<PresenceRow>();
  const changed =
    before === undefined || before.conversation_id !== write.conversationId || before.typing !== write.typing;
  return { presence: toDto(row, true), changed };
}

/** Forgets a closed tab; returns what it last showed, so others can drop it. */
export async function deletePresence(trx: Knex.Transaction, socketId: string): Promise<PresenceDto | null> {
  const row = await presenceQuery(trx).where('p.socket_id', socketId).first<PresenceRow | undefined>();
  if (!row) return null;
  await trx('agent_presence').where({ socket_id: socketId }).delete();
  return toDto(row, false);
}

/** Every live tab; typing flags older than the typing window read as not typing. */
export async function listPresence(db: Knex): Promise<PresenceDto[]> {
  const rows = await presenceQuery(db)
    .where('p.updated_at', '>', db.raw(`now() - interval '${PRESENCE_STALE_SECONDS} seconds'`))
    .orderBy('p.updated_at', 'desc');
  const typingCutoff = Date.now() - TYPING_STALE_SECONDS * 1000;
  return rows.map((row: PresenceRow) =>
    toDto({ ...row, typing: row.typing && row.updated_at.getTime() > typingCutoff }, true),
  );
}

/** Deletes tabs whose heartbeat stopped long ago; returns how many. */
export async function deleteStalePresence(db: Knex): Promise<number> {
  return db('agent_presence')
    .where('updated_at', '<', db.raw(`now() - interval '${PRESENCE_STALE_SECONDS * 4} seconds'`))
    .delete();
}

function presenceQuery(db: Knex | Knex.Transaction) {
  return db('agent_presence as p')
    .join('users as u', 'u.id', 'p.user_id')
    .select(
      'p.socket_id',
      'p.user_id',
      'u.name',
      'u.initials',
      'p.conversation_id',
      'p.typing',
      'p.updated_at',
    );
}
