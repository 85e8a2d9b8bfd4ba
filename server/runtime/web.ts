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

export interface RunningWeb {
  url: string;
  port: number;
  connectedClients(): number;
  close(): Promise<void>;
}

/** HTTP + socket.io + the PostgreSQL event listener that feeds the sockets. */
export async function startWeb(
  deps: AppDeps & { databaseUrl: string; port: number; host: string },
): Promise<RunningWeb> {
  let shuttingDown = false;
  const app = createApp({
    ...deps,
    isShuttingDown: () => shuttingDown || (deps.isShuttingDown?.() ?? false),
  });
  const server = http.createServer(app);
  const realtime = createRealtimeServer(server, deps);
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
    async close() {
      // /readyz answers 503 from here on: load balancers stop sending new traffic.
      shuttingDown = true;
      for (const stop of stopCollectors) stop();
      await listener.close();
      // io.close() disconnects every socket and closes the HTTP server (no new requests).
      await new Promise<void>((resolve) => {
        realtime.io.close(() => resolve());
        server.closeIdleConnections();
      });
      server.closeAllConnections();
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
