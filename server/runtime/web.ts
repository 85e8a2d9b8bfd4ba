import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AppDeps, createApp } from '../app';
import { sessionStoreOf } from '../auth/sessions';
import { getUser } from '../db/repositories/users';
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
  const app = createApp(deps);
  const server = http.createServer(app);
  const realtime = createRealtimeServer(server, deps);
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
