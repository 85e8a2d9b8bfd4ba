import type { Knex } from 'knex';
import pg from 'pg';
import type { RealtimeEvent } from '../../common/types';
import type { Logger } from '../logger';

/** PostgreSQL channel that carries realtime events from any process to every web server. */
export const EVENTS_CHANNEL = 'caredesk_events';

/**
 * PostgreSQL channel carrying a user id whose sessions were ended (logout, password change, reset,
 * deactivation by trigger): every web server re-checks that user's sockets and drops the dead ones.
 */
export const SESSIONS_ENDED_CHANNEL = 'caredesk_sessions_ended';

export async function notifySessionsEnded(db: Knex.Transaction | Knex, userId: string): Promise<void> {
  await db.raw('select pg_notify(?, ?)', [SESSIONS_ENDED_CHANNEL, userId]);
}

/**
 * Announces an event from inside a transaction. PostgreSQL delivers NOTIFY only when the
 * transaction commits (and drops it on rollback), so nothing is announced that is not stored,
 * and every web server (one or many) hears it without a separate bus.
 */
export async function notifyEvent(trx: Knex.Transaction | Knex, event: RealtimeEvent): Promise<void> {
  const conversationId = conversationOf(event);
  if (conversationId === null) {
    await trx.raw('select pg_notify(?, ?)', [EVENTS_CHANNEL, JSON.stringify(event)]);
    return;
  }
  // Stamp the conversation's channel account on the event, in the same statement, so the web servers
  // can send it to that account's socket room only (see roomsFor in io.ts).
  await trx.raw(
    `select pg_notify(?, (?::jsonb || jsonb_build_object('channelAccountId',
       (select channel_account_id from conversations where id = ?)))::text)`,
    [EVENTS_CHANNEL, JSON.stringify(event), conversationId],
  );
}

/**
 * Several events of one channel account's conversations in one statement, in order (ingest knows the
 * account, so the stamp needs no lookup). Delivered on commit like `notifyEvent`.
 */
export async function notifyAccountEvents(
  trx: Knex.Transaction | Knex,
  channelAccountId: string,
  events: RealtimeEvent[],
): Promise<void> {
  await notifyStampedEvents(
    trx,
    events.map((event) => ({ channelAccountId, event })),
  );
}

/** Events with their conversations' channel accounts, announced in order in one statement. */
export async function notifyStampedEvents(
  trx: Knex.Transaction | Knex,
  events: Array<{ channelAccountId: string; event: RealtimeEvent }>,
): Promise<void> {
  if (events.length === 0) return;
  await trx.raw('select count(pg_notify(?, e)) from unnest(?::text[]) as e', [
    EVENTS_CHANNEL,
    events.map(({ channelAccountId, event }) => JSON.stringify({ ...event, channelAccountId })),
  ]);
}

/** An event as it travels: conversation events carry their channel account for room routing. */
export type RoutedEvent = RealtimeEvent & { channelAccountId?: string | null };

/** The conversation an event concerns, if any (a presence event: the conversation the tab shows). */
export function conversationOf(event: RealtimeEvent): string | null {
  if (event.type === 'presence.changed') return event.presence.conversationId;
  if ('conversationId' in event) return event.conversationId;
  return null;
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
  onSessionsEnded?: (userId: string) => void;
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
      if (msg.channel === SESSIONS_ENDED_CHANNEL && msg.payload) {
        opts.onSessionsEnded?.(msg.payload);
        return;
      }
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
      await c.query(`LISTEN ${SESSIONS_ENDED_CHANNEL}`);
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
    // A dead client may still emit 'error' while ending: without a listener that would crash the process.
    old?.on('error', () => {});
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
