/**
 * Fault suite, process half: PostgreSQL stopped (fast shutdown) mid-run and started again a few seconds
 * later, without restarting any Caredesk process. The stack (web, workers, BullMQ's PostgreSQL backend)
 * runs in this process against an embedded PostgreSQL of our own, never the machine's shared server.
 */
import { createDb } from '../../server/db/knex';
import type { TestDatabase } from '../helpers/db';
import { waitFor } from '../helpers/stack';
import { type FaultStack, queueReplies, startFaultStack } from './helpers/faultStack';
import { cleanReport, fetchedCount, ingestReport, streamMentions } from './helpers/ingestChecks';
import { type OwnPostgres, startOwnPostgres } from './helpers/ownPostgres';
import { cleanReplyReport, replyReport } from './helpers/replyChecks';

const MENTIONS = 400;
const REPLIES = 150;
const DOWN_MS = 4000;
const log = (msg: string) => process.stdout.write(`[postgresRestart] ${msg}\n`);

describe('PostgreSQL restarted mid-run', () => {
  let pg: OwnPostgres | null = null;
  let stack: FaultStack | null = null;

  afterAll(async () => {
    // PostgreSQL must be up for a clean close; a failed restart is retried here.
    await pg?.start().catch(() => undefined);
    await stack?.close().catch((error: unknown) => log(`close: ${String(error)}`));
    await pg?.stop();
  });

  test('PostgreSQL restarted mid-run: workers and server recover by themselves, 0 loss', async () => {
    const started = Date.now();
    pg = await startOwnPostgres();
    const url = await pg.createDatabase('caredesk_faults');
    const ownDb = createDb({ url, poolMax: 2 });
    const database: TestDatabase = { url, name: 'caredesk_faults', db: ownDb, drop: () => ownDb.destroy() };
    stack = await startFaultStack({ queue: 'postgres', database });
    const s = stack;
    const { events } = await s.connectSocket(s.cookie);

    const posting = streamMentions(s.sim, {
      count: MENTIONS,
      perSecond: 40,
      maxAhead: { count: 600, fetched: () => fetchedCount(s.db, s.channelAccountId) },
      label: 'pgdown',
    });
    await waitFor(async () => (await s.inboundCount()) >= 60, { timeoutMs: 60_000, what: '60 mentions' });
    const replying = queueReplies(s, { count: REPLIES, label: 'pgdown' });
    await waitFor(() => replying.queued() >= REPLIES / 3, { timeoutMs: 60_000, what: 'replies queued' });

    const downAt = Date.now();
    await pg.shutdown();
    const notReady = await fetch(`${s.web.url}/readyz`);
    await new Promise((r) => setTimeout(r, DOWN_MS));
    await pg.start();
    const upAt = Date.now();
    const eventsBefore = events.length;
    log(`PostgreSQL down for ${upAt - downAt} ms (readyz while down: ${notReady.status})`);

    // Nobody restarts anything: the server must answer ready again and push events again.
    await waitFor(async () => (await fetch(`${s.web.url}/readyz`)).status === 200, {
      timeoutMs: 60_000,
      what: '/readyz 200 after the restart',
    });
    const readyMs = Date.now() - upAt;
    await waitFor(() => events.length > eventsBefore, {
      timeoutMs: 60_000,
      what: 'a realtime event after the restart',
    });
    const eventsMs = Date.now() - upAt;

    const ids = await posting;
    const messageIds = await replying.done;
    let ingest = await ingestReport(s.db, s.channelAccountId, ids);
    let replies = await replyReport(s.db, s.sim, messageIds);
    const deadline = Date.now() + 240_000;
    while (
      (ingest.lost > 0 || ingest.unprocessedInboundItems > 0 || replies.pending > 0) &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 1000));
      ingest = await ingestReport(s.db, s.channelAccountId, ids);
      replies = await replyReport(s.db, s.sim, messageIds);
    }
    log(
      `ready ${readyMs} ms and events ${eventsMs} ms after the restart; settled ${Date.now() - upAt} ms after it, ` +
        `total ${Date.now() - started} ms; ingest ${JSON.stringify(ingest)}; replies ${JSON.stringify(replies)}`,
    );
    if (replies.failed > 0) {
      const reasons = await s.db('messages').whereIn('id', messageIds).where({ delivery_state: 'failed' });
      log(`failed replies: ${JSON.stringify(reasons.map((r) => [r.delivery_error, r.delivery_attempts]))}`);
    }
    expect(notReady.status).toBe(503);
    expect(ingest).toEqual(cleanReport(MENTIONS));
    expect(replies).toEqual(cleanReplyReport(REPLIES));
  }, 600_000);
});
