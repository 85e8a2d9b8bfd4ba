/**
 * Fault suite, process half: Redis flushed and killed mid-run, then started again empty. The whole
 * stack (web, workers, simulator) runs in this process on a redis-server of our own. Nothing that
 * matters lives in Redis: poll cursors and the outbox are in PostgreSQL, the workers re-declare their
 * schedulers, and the sweeper re-enqueues what the flush dropped; job ids are deterministic, so
 * nothing is done twice.
 */
import { waitFor } from '../helpers/stack';
import { type FaultStack, queueReplies, startFaultStack } from './helpers/faultStack';
import { cleanReport, fetchedCount, ingestReport, streamMentions } from './helpers/ingestChecks';
import { type OwnRedis, startOwnRedis } from './helpers/redisServer';
import { cleanReplyReport, replyReport } from './helpers/replyChecks';

const MENTIONS = 400;
const REPLIES = 150;
const log = (msg: string) => process.stdout.write(`[redisFlush] ${msg}\n`);

describe('Redis lost mid-run', () => {
  let redis: OwnRedis | null = null;
  let stack: FaultStack | null = null;

  afterAll(async () => {
    await stack?.close();
    await redis?.stop();
  });

  test('Redis flushed and restarted mid-run: every mention ingested, every queued reply sent exactly once', async () => {
    const started = Date.now();
    redis = await startOwnRedis();
    stack = await startFaultStack({ queue: 'redis', redisUrl: redis.url });
    const s = stack;

    // Mentions stream in for the whole run; the first REPLIES of them get a reply as soon as they
    // are conversations, and Redis goes away while both are under way.
    const posting = streamMentions(s.sim, {
      count: MENTIONS,
      perSecond: 40,
      maxAhead: { count: 600, fetched: () => fetchedCount(s.db, s.channelAccountId) },
      label: 'flush',
    });
    await waitFor(async () => (await s.inboundCount()) >= 60, { timeoutMs: 60_000, what: '60 mentions' });
    const replying = queueReplies(s, { count: REPLIES, label: 'flush' });
    await waitFor(() => replying.queued() >= REPLIES / 3, { timeoutMs: 60_000, what: 'replies queued' });
    const flushAt = Date.now();
    await redis.flushKillRestart(2000);
    log(
      `Redis flushed, killed and restarted (${Date.now() - flushAt} ms down) after ${flushAt - started} ms`,
    );
    const ids = await posting;
    const messageIds = await replying.done;

    let ingest = await ingestReport(s.db, s.channelAccountId, ids);
    let replies = await replyReport(s.db, s.sim, messageIds);
    const deadline = Date.now() + 180_000;
    while (
      (ingest.lost > 0 || ingest.unprocessedInboundItems > 0 || replies.pending > 0) &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 1000));
      ingest = await ingestReport(s.db, s.channelAccountId, ids);
      replies = await replyReport(s.db, s.sim, messageIds);
    }
    log(
      `settled ${Date.now() - flushAt} ms after the flush, total ${Date.now() - started} ms; ` +
        `ingest ${JSON.stringify(ingest)}; replies ${JSON.stringify(replies)}`,
    );
    expect(ingest).toEqual(cleanReport(MENTIONS));
    expect(replies).toEqual(cleanReplyReport(REPLIES));
    // The web server answers again and its queue check passes.
    const ready = await fetch(`${s.web.url}/readyz`);
    expect(ready.status).toBe(200);
  }, 600_000);
});
