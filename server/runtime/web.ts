import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AppDeps, createApp } from '../app';
import { sessionStoreOf } from '../auth/sessions';
import { getUser } from '../db/repositories/users';
import {
  collectAccountMetrics,
  collectQueueMetrics,
  collectSocketMetrics,
} from '../observability/collectors';
import { listenEvents } from '../realtime/bus';
import { createRealtimeServer } from '../realtime/io';
import { attachRedisAdapter } from '../realtime/redisAdapter';

export interface RunningWeb {
  url: string;
  port: number;
  connectedClients(): number;
  /**
   * Graceful stop: refuses new connections at once, closes the sockets (clients see a transport close
   * and reconnect, to another server behind a load balancer), lets in-flight requests finish for up to
   * `drainMs` (default 10 s), then cuts what is left.
   */
  close(drainMs?: number): Promise<void>;
}

/** HTTP + socket.io + the PostgreSQL event listener that feeds the sockets. */
export async function startWeb(
  deps: AppDeps & {
    databaseUrl: string;
    port: number;
    host: string;
    /** Several web servers: socket.io's Redis adapter on this Redis, channels under the prefix. */
    socketRedis?: { url: string; prefix: string } | undefined;
  },
): Promise<RunningWeb> {
  let shuttingDown = false;
  const app = createApp({
    ...deps,
    isShuttingDown: () => shuttingDown || (deps.isShuttingDown?.() ?? false),
  });
  const server = http.createServer(app);
  const realtime = createRealtimeServer(server, deps);
  const adapter = deps.socketRedis
    ? attachRedisAdapter(realtime.io, {
        redisUrl: deps.socketRedis.url,
        prefix: deps.socketRedis.prefix,
        logger: deps.logger.child({ category: 'realtime' }),
      })
    : null;
  // Scrape-time gauges of this process: sockets, accounts (from PostgreSQL), queues when known.
  const stopCollectors = [
    collectSocketMetrics(realtime.connectedClients),
    collectAccountMetrics(deps.db),
    ...(deps.queueDashboard ? [collectQueueMetrics(deps.queueDashboard)] : []),
  ];
  const listener = listenEvents({
    url: deps.databaseUrl,
    logger: deps.logger.child({ category: 'realtime' }),
    onEvent: (event) => realtime.broadcast(event),
    onSessionsEnded: (userId) => {
      endSessionsOfInactiveUser(deps, userId)
        .then(() => realtime.revalidateUser(userId))
        .catch((err: unknown) => {
          deps.logger.warn({ err, userId }, 'could not re-check sockets after sessions ended');
        });
    },
  });
  await listener.ready;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(deps.port, deps.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = deps.host === '0.0.0.0' || deps.host === '::' ? 'localhost' : deps.host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    connectedClients: realtime.connectedClients,
    async close(drainMs = 10_000) {
      // /readyz answers 503 from here on: load balancers stop sending new traffic.
      shuttingDown = true;
      for (const stop of stopCollectors) stop();
      // No new connections from here on; idle keep-alive connections are closed now.
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await listener.close();
      // Disconnects every socket (transport close, so clients reconnect) and the adapter. It closes
      // the HTTP server too, already closed above: that error is expected and ignored.
      await realtime.io.close(() => {});
      // A keep-alive connection whose request has just finished becomes idle: close it then too.
      const idle = setInterval(() => server.closeIdleConnections(), 200);
      const cut = setTimeout(() => server.closeAllConnections(), drainMs);
      cut.unref();
      await drained;
      clearInterval(idle);
      clearTimeout(cut);
      await adapter?.close();
    },
  };
}

/**
 * A deactivation deletes the user's PostgreSQL sessions in its own transaction (trigger); sessions
 * kept in Redis are deleted here, when the web servers hear about it.
 */
async function endSessionsOfInactiveUser(deps: AppDeps, userId: string): Promise<void> {
  const user = await getUser(deps.db, userId);
  if (!user?.active) await sessionStoreOf(deps).deleteForUser(userId);
}
