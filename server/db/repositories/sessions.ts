import type { Knex } from 'knex';

export async function createSession(db: Knex, idHash: string, userId: string, ttlMs: number): Promise<void> {
  await db('sessions').insert({ id: idHash, user_id: userId, expires_at: new Date(Date.now() + ttlMs) });
}

/** The session's user id if the session exists, is unexpired and its user is active. */
export async function findSessionUser(db: Knex, idHash: string): Promise<string | null> {
  const row = await db('sessions as s')
    .join('users as u', 'u.id', 's.user_id')
    .where('s.id', idHash)
    .andWhere('s.expires_at', '>', db.fn.now())
    .andWhere('u.active', true)
    .first('s.user_id');
  return row ? (row.user_id as string) : null;
}

export async function deleteSession(db: Knex, idHash: string): Promise<void> {
  await db('sessions').where({ id: idHash }).delete();
}
