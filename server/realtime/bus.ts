import type { Knex } from 'knex';
import pg from 'pg';
import type { RealtimeEvent } from '../../common/types';
import type { Logger } from '../logger';

/** PostgreSQL channel that carries realtime events from any process to every web server. */
export const EVENTS_CHANNEL = 'caredesk_events';

/**
 * Announces an event from inside a transaction. PostgreSQL delivers NOTIFY only when the
 * transaction commits (and drops it on rollback), so nothing is announced that is not stored,
 * and every web server (one or many) hears it without a separate bus.
 */
export async function notifyEvent(trx: Knex.Transaction | Knex, event: RealtimeEvent): Promise<void> {
  await trx.raw('select pg_notify(?, ?)', [EVENTS_CHANNEL, JSON.stringify(event)]);
}

export interface EventListener {
  /** Resolves once the first LISTEN is in place: events committed after that are heard. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * LISTENs on a dedicated connection and reconnects with backoff when PostgreSQL goes away.
 * Events during a gap are not replayed here: clients refetch on (re)connect and by version.
 */
export function listenEvents(opts: {
  url: string;
  logger: Logger;
  onEvent: (event: RealtimeEvent) => void;
  onReconnect?: () => void;
}): EventListener {
  let client: pg.Client | null = null;
  let closed = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | null = null;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const connect = async () => {
    if (closed) return;
    const c = new pg.Client({ connectionString: opts.url });
    client = c;
    c.on('notification', (msg) => {
      if (msg.channel !== EVENTS_CHANNEL || !msg.payload) return;
      try {
        opts.onEvent(JSON.parse(msg.payload) as RealtimeEvent);
      } catch (error) {
        opts.logger.error({ err: error }, 'bad realtime payload');
      }
    });
    c.on('error', (error) => {
      opts.logger.warn({ err: error }, 'realtime listener connection error');
      scheduleReconnect();
    });
    c.on('end', () => scheduleReconnect());
    try {
      await c.connect();
      await c.query(`LISTEN ${EVENTS_CHANNEL}`);
      if (attempt > 0) opts.onReconnect?.();
      attempt = 0;
      markReady();
    } catch (error) {
      opts.logger.warn({ err: error }, 'realtime listener could not connect');
      scheduleReconnect();
    }
  };

  const scheduleReconnect = () => {
    if (closed || timer) return;
    const old = client;
    client = null;
    old?.removeAllListeners();
    old?.end().catch(() => {});
    attempt++;
    const delay = Math.min(10_000, 250 * 2 ** Math.min(attempt, 6));
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, delay);
  };

  void connect();
  return {
    ready,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      c?.removeAllListeners();
      c?.on('error', () => {});
      await c?.end().catch(() => {});
    },
  };
}
