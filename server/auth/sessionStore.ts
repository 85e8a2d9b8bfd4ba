import type { Redis } from 'ioredis';
import type { Knex } from 'knex';
import {
  createSession,
  deleteSession,
  deleteUserSessions,
  findSessionUser,
} from '../db/repositories/sessions';

/**
 * Where server-side sessions live, by the sha256 of their cookie token: PostgreSQL by default,
 * Redis when REDIS_URL is set. `find` enforces the absolute lifetime and the idle timeout and
 * marks the session as used.
 */
export interface SessionStore {
  create(idHash: string, userId: string, ttlMs: number): Promise<void>;
  find(idHash: string, idleMs: number): Promise<string | null>;
  /** Deletes one session; returns its user id (null when there was none). */
  delete(idHash: string): Promise<string | null>;
  /** Deletes all of a user's sessions except `keepIdHash`. */
  deleteForUser(userId: string, keepIdHash?: string): Promise<void>;
}

export function postgresSessionStore(db: Knex): SessionStore {
  return {
    create: (idHash, userId, ttlMs) => createSession(db, idHash, userId, ttlMs),
    find: (idHash, idleMs) => findSessionUser(db, idHash, idleMs),
    delete: (idHash) => deleteSession(db, idHash),
    async deleteForUser(userId, keepIdHash) {
      await deleteUserSessions(db, userId, keepIdHash);
    },
  };
}

/**
 * Sessions in Redis: one hash per session (user, absolute expiry, last use) whose key expires at
 * the earlier of the idle and the absolute deadline, plus a set of each user's session ids.
 * `active` checks the user in PostgreSQL (the source of truth), so a deactivated user's Redis
 * sessions count for nothing even before they are deleted.
 */
export function redisSessionStore(
  redis: Redis,
  prefix: string,
  active: (userId: string) => Promise<boolean>,
): SessionStore {
  const key = (idHash: string) => `${prefix}:session:${idHash}`;
  const userKey = (userId: string) => `${prefix}:user-sessions:${userId}`;
  return {
    async create(idHash, userId, ttlMs) {
      const expiresAt = Date.now() + ttlMs;
      await redis
        .multi()
        .hset(key(idHash), { userId, expiresAt: String(expiresAt), lastSeen: String(Date.now()) })
        .pexpire(key(idHash), ttlMs)
        .sadd(userKey(userId), idHash)
        .pexpire(userKey(userId), ttlMs)
        .exec();
    },
    async find(idHash, idleMs) {
      const row = await redis.hgetall(key(idHash));
      const now = Date.now();
      const expiresAt = Number(row.expiresAt);
      if (!row.userId || !(expiresAt > now) || !(Number(row.lastSeen) > now - idleMs)) return null;
      if (!(await active(row.userId))) return null;
      await redis
        .multi()
        .hset(key(idHash), 'lastSeen', String(now))
        .pexpire(key(idHash), Math.max(1, Math.min(expiresAt - now, idleMs)))
        .exec();
      return row.userId;
    },
    async delete(idHash) {
      const userId = await redis.hget(key(idHash), 'userId');
      await redis.del(key(idHash));
      if (userId) await redis.srem(userKey(userId), idHash);
      return userId;
    },
    async deleteForUser(userId, keepIdHash) {
      const ids = (await redis.smembers(userKey(userId))).filter((id) => id !== keepIdHash);
      if (ids.length === 0) return;
      await redis
        .multi()
        .del(...ids.map(key))
        .srem(userKey(userId), ...ids)
        .exec();
    },
  };
}
