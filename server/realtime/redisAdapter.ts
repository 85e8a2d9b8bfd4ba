import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server } from 'socket.io';
import type { Logger } from '../logger';

/**
 * socket.io's Redis adapter, so that operations on rooms without `.local` (fetchSockets,
 * disconnectSockets, emits from outside the NOTIFY path) reach the sockets of every web server.
 * Realtime events themselves do not use it: each server hears them on PostgreSQL NOTIFY and emits
 * with `io.local`, so an event is never delivered twice. Channels live under `<prefix>:socket.io`.
 */
export function attachRedisAdapter(
  io: Server,
  opts: { redisUrl: string; prefix: string; logger: Logger },
): { close(): Promise<void> } {
  const pub = new Redis(opts.redisUrl, { maxRetriesPerRequest: null });
  const sub = pub.duplicate();
  for (const [name, client] of [
    ['pub', pub],
    ['sub', sub],
  ] as const) {
    client.on('error', (err) => opts.logger.warn({ err, client: name }, 'socket.io redis adapter error'));
  }
  io.adapter(createAdapter(pub, sub, { key: `${opts.prefix}:socket.io` }));
  return {
    async close() {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}
