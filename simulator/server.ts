import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSimulatorApp } from './app';
import type { FacebookState } from './facebook/store';
import type { SimulatorOptions } from './options';
import type { SimulatorState } from './x/store';

export interface RunningSimulator {
  /** Origin only (`http://127.0.0.1:4010`), as the URL-rewrite plugin of the adapter expects. */
  url: string;
  port: number;
  state: SimulatorState;
  /** The Graph API stand-in's state (page, posts, comments, Messenger, webhooks). */
  facebook: FacebookState;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 unless told otherwise; port 0 picks a free port, reported back in `port`. */
export async function startSimulator(
  opts: { port: number; host?: string } & SimulatorOptions,
): Promise<RunningSimulator> {
  const { port, host = '127.0.0.1', ...options } = opts;
  const { app, state, facebook } = createSimulatorApp(options);
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`,
    port: actualPort,
    state,
    facebook,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Held (timeout-fault) requests and idle keep-alive sockets would otherwise keep close() waiting.
        state.held.dropAll();
        facebook.close();
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
