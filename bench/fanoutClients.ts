/**
 * Agents' browsers for the fan-out benchmark: one socket.io client per session cookie (WebSocket, as
 * the app's client), in a process of their own. Each received event is time-stamped on the shared
 * clock (performance.timeOrigin + now(), sub-millisecond, the same across processes of this machine)
 * and reported to the parent in batches. Started by bench/fanout.ts with `fork`.
 */
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { REALTIME_EVENT } from '../common/types';

interface Start {
  type: 'start';
  url: string;
  cookies: string[];
}

const sockets: Socket[] = [];
let receipts: Array<[string, number]> = [];
const clock = () => performance.timeOrigin + performance.now();

function connect(url: string, cookie: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, {
      transports: ['websocket'],
      extraHeaders: { cookie },
      reconnection: false,
      forceNew: true,
      timeout: 60_000,
    });
    socket.on(REALTIME_EVENT, (event: { type: string; conversationId?: string; version?: number }) => {
      if (event.type === 'conversation.updated')
        receipts.push([`${event.conversationId}:${event.version}`, clock()]);
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

const flush = () => {
  if (receipts.length === 0) return;
  process.send?.({ type: 'receipts', receipts });
  receipts = [];
};

process.on('message', (message: Start | { type: 'stop' }) => {
  if (message.type === 'stop') {
    flush();
    for (const s of sockets) s.disconnect();
    process.send?.({ type: 'stopped' }, () => process.exit(0));
    return;
  }
  void (async () => {
    // A few at a time: 500 browsers do not open their tabs in the same millisecond either.
    for (let i = 0; i < message.cookies.length; i += 20) {
      const batch = message.cookies.slice(i, i + 20);
      sockets.push(...(await Promise.all(batch.map((c) => connect(message.url, c)))));
    }
    setInterval(flush, 250).unref();
    process.send?.({ type: 'connected', count: sockets.length });
  })().catch((error: unknown) => {
    process.send?.({ type: 'error', message: String(error) });
  });
});
