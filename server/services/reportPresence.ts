import type { Knex } from 'knex';
import { deletePresence, type PresenceWrite, upsertPresence } from '../db/repositories/presence';
import { notifyEvent } from '../realtime/bus';

/**
 * A tab reports what it shows and whether its agent is typing. Changes (and every "still typing"
 * refresh, which keeps the indicator alive elsewhere) are announced to all servers; plain heartbeats
 * only refresh the row.
 */
export async function reportPresence(db: Knex, write: PresenceWrite): Promise<void> {
  await db.transaction(async (trx) => {
    const { presence, changed } = await upsertPresence(trx, write);
    if (changed || presence.typing) await notifyEvent(trx, { type: 'presence.changed', presence });
  });
}

/** A tab closed: others stop showing it at once instead of waiting for its heartbeat to go stale. */
export async function endPresence(db: Knex, socketId: string): Promise<void> {
  await db.transaction(async (trx) => {
    const presence = await deletePresence(trx, socketId);
    if (presence) await notifyEvent(trx, { type: 'presence.changed', presence });
  });
}
