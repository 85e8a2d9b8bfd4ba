import { Redis } from 'ioredis';
import type { Knex } from 'knex';
import { postgresSessionStore, redisSessionStore, type SessionStore } from '../auth/sessionStore';
import { getUser } from '../db/repositories/users';

/** Sessions in Redis when REDIS_URL is set (several web servers, no session writes in PostgreSQL), else PostgreSQL. */
export function createSessionStore(
  db: Knex,
  opts: { redisUrl?: string | undefined; prefix: string },
): { store: SessionStore; close(): Promise<void> } {
  if (!opts.redisUrl) return { store: postgresSessionStore(db), close: async () => {} };
  const redis = new Redis(opts.redisUrl, { lazyConnect: false });
  const active = async (userId: string) => Boolean((await getUser(db, userId))?.active);
  return {
    store: redisSessionStore(redis, opts.prefix, active),
    async close() {
      await redis.quit();
    },
  };
}
