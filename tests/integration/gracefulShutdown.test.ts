import { QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { findUserByEmail, type UserRow } from '../../server/db/repositories/users';
import { createLogger } from '../../server/logger';
import { createQueueSet, type QueueSet } from '../../server/queues/backend';
import { QUEUES } from '../../server/queues/jobs';
import { createReply } from '../../server/services/createReply';
import { type DelayProxy, startDelayProxy } from '../helpers/delayProxy';
import { simPost, simPostsBy } from '../helpers/sim';
import { connectAt, loginAt, prepareSplitDeployment, type SplitDeployment } from '../helpers/splitDeployment';
import { waitFor } from '../helpers/stack';
import { describeIfRedis, testEnv } from '../helpers/testEnv';

const SEND_DELAY_MS = 4000;
const SHUTDOWN_TIMEOUT_MS = 20_000;

/**
 * Issue 8 point 2: SIGTERM stops a process gracefully. A worker stops taking jobs, lets its active
 * ones finish (each reply posted exactly once), exits 0 within SHUTDOWN_TIMEOUT_MS and leaves nothing
 * for a later worker to find stalled. A web server refuses new connections, closes its sockets so the
 * clients reconnect elsewhere, completes the request in flight and exits 0.
 */
describeIfRedis('graceful shutdown on SIGTERM', () => {
  let deployment: SplitDeployment;
  let proxy: DelayProxy;
  let queues: QueueSet;
  let anna: UserRow;
  let mentions: Array<{ externalId: string; conversationId: string }> = [];

  beforeAll(async () => {
    // The platform is slow to accept a reply: every send is held at this proxy for SEND_DELAY_MS.
    proxy = await startDelayProxy({
      delayMs: SEND_DELAY_MS,
      shouldDelay: (method, path) => method === 'POST' && path.startsWith('/2/tweets'),
    });
    deployment = await prepareSplitDeployment({
      redisUrl: testEnv().redisUrl!,
      xApiBaseUrl: (sim) => {
        proxy.target = sim.url;
        return proxy.url;
      },
    });
    queues = createQueueSet({ kind: 'redis', redisUrl: testEnv().redisUrl!, prefix: deployment.prefix });
    anna = (await findUserByEmail(deployment.database.db, 'anna@demo.caredesk'))!;
    for (let i = 0; i < 4; i++) {
      await simPost(deployment.sim, {
        username: `shutdown_cust_${i}`,
        text: `@${deployment.sim.state.brand.username} question ${i}`,
      });
    }
  }, 60_000);

  afterAll(async () => {
    await queues?.close();
    await deployment?.close();
    await proxy?.close();
  }, 60_000);

  const reply = (m: { conversationId: string }, key: string) =>
    createReply(
      { db: deployment.database.db, queues, logger: createLogger('silent') },
      {
        conversationId: m.conversationId,
        author: anna,
        text: `Answer ${key}`,
        idempotencyKey: key,
        takeover: true,
      },
    );
  const sentMessages = () =>
    deployment.database.db('messages').where({ direction: 'outbound', delivery_state: 'sent' }).select('id');
  const brandReplies = async () =>
    (await simPostsBy(deployment.sim, deployment.sim.state.brand.username)).filter((p) => p.in_reply_to);

  it('a busy worker finishes its active sends once, takes no new job, exits 0, and leaves no stalled job', async () => {
    const first = await deployment.start('worker', { SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS) });
    const db = deployment.database.db;
    await waitFor(async () => (await db('messages').where({ direction: 'inbound' })).length === 4, {
      timeoutMs: 30_000,
      what: 'the mentions ingested',
    });
    mentions = (await db('messages').where({ direction: 'inbound' }).orderBy('external_id')).map((m) => ({
      externalId: m.external_id as string,
      conversationId: m.conversation_id as string,
    }));

    // Three replies: all three sends are held at the platform (the worker has a fourth slot free).
    for (const [i, m] of mentions.slice(0, 3).entries()) await reply(m, `graceful-reply-${i}`);
    await waitFor(() => proxy.delayed.inFlight === 3, { what: 'three sends in flight' });

    const stopping = first.stop('SIGTERM');
    // Once it is stopping, a new reply must wait for another worker.
    await new Promise((r) => setTimeout(r, 500));
    await reply(mentions[3]!, 'graceful-reply-3');
    const { code, ms } = await stopping;
    expect(code).toBe(0);
    expect(ms).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
    // It waited for the sends held at the platform instead of dropping them.
    expect(ms).toBeGreaterThan(SEND_DELAY_MS / 2);
    expect(first.output()).toContain('"msg":"stopped"');

    // The three active sends completed: posted once each, recorded as sent. The fourth was not taken.
    expect(proxy.delayed.received).toBe(3);
    expect(await brandReplies()).toHaveLength(3);
    expect(await sentMessages()).toHaveLength(3);
    const outbound = queues.queue(QUEUES.outbound);
    // Nothing was left active (a job left active without its lock is what the next worker would find stalled).
    expect(await outbound.getJobCounts('active', 'waiting', 'delayed', 'failed')).toEqual({
      active: 0,
      waiting: 1,
      delayed: 0,
      failed: 0,
    });

    // A second worker: it sends the waiting reply, re-runs nothing, and reports no stalled job.
    // BullMQ does not close a connection it was given: closed in the finally below.
    const eventsConnection = new Redis(testEnv().redisUrl!, { maxRetriesPerRequest: null });
    const events = new QueueEvents(QUEUES.outbound, {
      connection: eventsConnection,
      prefix: deployment.prefix,
    });
    const stalled: string[] = [];
    const activated: string[] = [];
    events.on('stalled', ({ jobId }) => stalled.push(jobId));
    events.on('active', ({ jobId }) => activated.push(jobId));
    await events.waitUntilReady();
    try {
      const second = await deployment.start('worker');
      await waitFor(async () => (await sentMessages()).length === 4, {
        timeoutMs: 30_000,
        what: 'the fourth reply sent',
      });
      // Let its start-up sweep and a maintenance round run: they must find nothing to redo.
      await new Promise((r) => setTimeout(r, 3000));
      expect(stalled).toEqual([]);
      expect(activated).toHaveLength(1);
      expect(proxy.delayed.received).toBe(4);
      const replies = await brandReplies();
      expect(replies.map((p) => p.in_reply_to).sort()).toEqual(mentions.map((m) => m.externalId).sort());
      const secondStop = await second.stop('SIGTERM');
      expect(secondStop.code).toBe(0);
    } finally {
      await events.close();
      eventsConnection.disconnect();
    }
  }, 120_000);

  it('a web server completes the request in flight, refuses new connections, closes sockets, exits 0', async () => {
    const server = await deployment.start('server', { SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS) });
    const agent = await loginAt(server.url, 'lea@demo.caredesk');
    const client = await connectAt(server.url, agent.cookie, { reconnection: true });
    const db = deployment.database.db;
    const target = mentions[0]!.conversationId;

    // Make a request slow: the test holds the conversation's row lock, so the assignment waits for it.
    const trx = await db.transaction();
    try {
      await trx('conversations').where({ id: target }).forUpdate().first();
      const inFlight = agent.api('POST', `/api/conversations/${target}/assign`, { assigneeId: agent.userId });
      await waitFor(
        async () =>
          (
            await db.raw(
              "select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
            )
          ).rows.length > 0,
        { what: 'the request waiting on the lock' },
      );

      const stopping = server.stop('SIGTERM');
      // Its sockets are closed as a transport close: socket.io clients reconnect (to another server).
      await waitFor(() => client.disconnects.length > 0, { what: 'the socket closed' });
      expect(client.disconnects[0]).toBe('transport close');
      expect(client.socket.active).toBe(true);
      // New connections are refused while the request in flight still runs.
      await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
      expect(server.child.exitCode).toBeNull();

      await trx.commit();
      const done = await inFlight;
      expect(done.status).toBe(200);
      const { code, ms } = await stopping;
      expect(code).toBe(0);
      expect(ms).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
      expect((await db('conversations').where({ id: target }).first())?.assignee_id).toBe(agent.userId);
    } finally {
      if (!trx.isCompleted()) await trx.rollback();
      client.socket.disconnect();
    }
  }, 60_000);
});
