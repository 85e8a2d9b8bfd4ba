import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AppDeps, createApp } from '../app';
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
