import type { Knex } from 'knex';

export async function createSession(db: Knex, idHash: string, userId: string, ttlMs: number): Promise<void> {
  await db('sessions').insert({ id: idHash, user_id: userId, expires_at: new Date(Date.now() + ttlMs) });
}

/**
 * The session's user id if the session exists, is within its absolute lifetime (`expires_at`), was
 * used within the idle timeout, and its user is active. Marks the session as used (at most once a
 * minute, so reads stay cheap).
 */
export async function findSessionUser(db: Knex, idHash: string, idleMs: number): Promise<string | null> {
  const row = await db('sessions as s')
    .join('users as u', 'u.id', 's.user_id')
    .where('s.id', idHash)
    .andWhere('s.expires_at', '>', db.fn.now())
    .andWhereRaw("s.last_seen_at > now() - (? * interval '1 millisecond')", [idleMs])
    .andWhere('u.active', true)
    .first('s.user_id', db.raw("s.last_seen_at < now() - interval '1 minute' as stale"));
  if (!row) return null;
  if (row.stale) await db('sessions').where({ id: idHash }).update({ last_seen_at: db.fn.now() });
  return row.user_id as string;
}

/** Deletes one session; returns its user id, or null when there was none. */
export async function deleteSession(db: Knex, idHash: string): Promise<string | null> {
  const rows: { user_id: string }[] = await db('sessions')
    .where({ id: idHash })
    .delete()
    .returning('user_id');
  return rows[0]?.user_id ?? null;
}

/** Ends every session of a user, except `keepIdHash` (the one that changed the password). */
export async function deleteUserSessions(db: Knex, userId: string, keepIdHash?: string): Promise<number> {
  const query = db('sessions').where({ user_id: userId });
  if (keepIdHash) query.andWhereNot({ id: keepIdHash });
  return query.delete();
}
