import { Server } from 'socket.io';
import type { RealtimeEvent } from '../../common/types';
import { createLogger } from '../../server/logger';
import { INBOX_ROOM } from '../../server/realtime/io';
import { attachRedisAdapter } from '../../server/realtime/redisAdapter';
import type { AppProcess } from '../helpers/appProcess';
import { simPost, simPostsBy } from '../helpers/sim';
import {
  type Agent,
  connectAt,
  loginAt,
  prepareSplitDeployment,
  type SplitDeployment,
} from '../helpers/splitDeployment';
import { waitFor } from '../helpers/stack';
import { describeIfRedis, testEnv } from '../helpers/testEnv';

const MENTIONS = 300;

type Recorded = { events: RealtimeEvent[] };

/** How many times each id was announced with this event type. */
function tally(client: Recorded, type: RealtimeEvent['type'], idOf: (e: RealtimeEvent) => string) {
  const counts = new Map<string, number>();
  for (const e of client.events) if (e.type === type) counts.set(idOf(e), (counts.get(idOf(e)) ?? 0) + 1);
  return counts;
}
const messageIdOf = (e: RealtimeEvent) => ('messageId' in e ? e.messageId : '');
const conversationIdOf = (e: RealtimeEvent) => ('conversationId' in e ? String(e.conversationId) : '');

/**
 * Issue 8 point 3: two web servers (`npm run start:server`) and two workers (`npm run start:worker`),
 * each its own OS process, against one PostgreSQL database and one Redis. Agents on either server see
 * every event exactly once (events travel by PostgreSQL NOTIFY, sockets are emitted to locally, the
 * Redis adapter never doubles them); every mention is ingested once although both workers poll.
 */
describeIfRedis('scale-out: two web servers and two workers', () => {
  let deployment: SplitDeployment;
  let serverA: AppProcess;
  let serverB: AppProcess;
  let workers: AppProcess[];
  const sockets: Array<{ disconnect(): unknown }> = [];

  beforeAll(async () => {
    deployment = await prepareSplitDeployment({ redisUrl: testEnv().redisUrl! });
    // Servers first (they migrate), workers alongside: workers wait for the schema on their own.
    [serverA, serverB, ...workers] = await Promise.all([
      deployment.start('server'),
      deployment.start('server'),
      deployment.start('worker'),
      deployment.start('worker'),
    ]);
  }, 120_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await deployment?.close();
  }, 60_000);

  it('shows every event to agents on both servers once, and ingests every mention once', async () => {
    const anna = await loginAt(serverA.url, 'anna@demo.caredesk');
    const ben = await loginAt(serverB.url, 'ben@demo.caredesk');
    const onA = await connectAt(serverA.url, anna.cookie);
    const onB = await connectAt(serverB.url, ben.cookie);
    sockets.push(onA.socket, onB.socket);

    // The socket.io Redis adapter joins the servers: a third socket.io server on the same Redis
    // prefix sees both agents' sockets, held by servers A and B.
    const probe = new Server();
    const probeAdapter = attachRedisAdapter(probe, {
      redisUrl: testEnv().redisUrl!,
      prefix: deployment.prefix,
      logger: createLogger('silent'),
    });
    try {
      // The probe counts the servers to wait for by subscribers, its own subscription included.
      await waitFor(async () => (await probe.of('/').adapter.serverCount()) === 3, {
        what: 'the probe subscribed',
      });
      const remote = await probe.in(INBOX_ROOM).fetchSockets();
      expect(remote.map((r) => r.data.userId).sort()).toEqual([anna.userId, ben.userId].sort());
    } finally {
      // The probe has no HTTP server (io.close() would fail on it): closing the adapter is enough.
      await probe.of('/').adapter.close();
      await probeAdapter.close();
    }

    // 300 mentions from 300 customers, posted in parallel batches.
    const posted: string[] = [];
    for (let i = 0; i < MENTIONS; i += 25) {
      const batch = Array.from({ length: Math.min(25, MENTIONS - i) }, (_, j) =>
        simPost(deployment.sim, {
          username: `scale_cust_${i + j}`,
          text: `@${deployment.sim.state.brand.username} help ${i + j}`,
        }),
      );
      posted.push(...(await Promise.all(batch)));
    }

    const db = deployment.database.db;
    const inboundCount = async () =>
      Number(
        (await db('messages').where({ direction: 'inbound' }).count<{ count: string }[]>('* as count'))[0]!
          .count,
      );
    await waitFor(async () => (await inboundCount()) >= MENTIONS, {
      timeoutMs: 90_000,
      what: `${MENTIONS} mentions ingested`,
    });
    // Give stray duplicate work (a second poll of the same page, a re-run job) time to show up.
    await new Promise((r) => setTimeout(r, 3000));

    const rows = await db('messages')
      .where({ direction: 'inbound', channel_account_id: deployment.channelAccountId })
      .select('id', 'external_id', 'conversation_id');
    expect(rows).toHaveLength(MENTIONS);
    expect(new Set(rows.map((r) => r.external_id)).size).toBe(MENTIONS);
    expect(new Set(rows.map((r) => r.external_id))).toEqual(new Set(posted));
    const conversations = await db('conversations').select('id');
    expect(conversations).toHaveLength(MENTIONS);
    const items = await db('inbound_items').count<{ count: string }[]>('* as count');
    expect(Number(items[0]!.count)).toBe(MENTIONS);

    // Each agent, whichever server holds its socket, got every new message and conversation exactly once.
    const messageIds = rows.map((r) => r.id as string);
    const conversationIds = conversations.map((c) => c.id as string);
    for (const client of [onA, onB]) {
      await waitFor(() => tally(client, 'message.created', messageIdOf).size >= MENTIONS, {
        timeoutMs: 20_000,
        what: 'every message.created event',
      });
      const messages = tally(client, 'message.created', messageIdOf);
      expect([...messages.keys()].sort()).toEqual([...messageIds].sort());
      expect([...messages.values()].every((n) => n === 1)).toBe(true);
      const created = tally(client, 'conversation.created', conversationIdOf);
      expect([...created.keys()].sort()).toEqual([...conversationIds].sort());
      expect([...created.values()].every((n) => n === 1)).toBe(true);
    }

    // A reply sent through server A: server B's agent sees it created and then sent; posted once.
    const target = rows[0]!;
    const reply = await anna.api('POST', `/api/conversations/${target.conversation_id}/replies`, {
      text: 'We are on it',
      idempotencyKey: 'scale-out-reply-1',
      takeover: true,
    });
    expect(reply.status).toBe(202);
    const replyId = reply.body.message.id as string;
    await waitFor(
      async () => (await db('messages').where({ id: replyId }).first())?.delivery_state === 'sent',
      { timeoutMs: 30_000, what: 'the reply sent' },
    );
    await waitFor(() => onB.events.some((e) => e.type === 'message.updated' && e.messageId === replyId), {
      what: 'the reply update on server B',
    });
    expect(tally(onB, 'message.created', messageIdOf).get(replyId)).toBe(1);
    const replies = (await simPostsBy(deployment.sim, deployment.sim.state.brand.username)).filter(
      (p) => p.in_reply_to === target.external_id,
    );
    expect(replies).toHaveLength(1);

    // An assignment made on server A reaches server B's agent (the assignee).
    const other = rows[1]!;
    const seenBefore = onB.events.length;
    const assigned = await anna.api('POST', `/api/conversations/${other.conversation_id}/assign`, {
      assigneeId: ben.userId,
    });
    expect(assigned.status).toBe(200);
    expect((await db('conversations').where({ id: other.conversation_id }).first())?.assignee_id).toBe(
      ben.userId,
    );
    await waitFor(
      () =>
        onB.events
          .slice(seenBefore)
          .some((e) => e.type === 'conversation.updated' && e.conversationId === other.conversation_id),
      { what: 'the assignment seen on server B' },
    );

    // A session ended on server A closes that session's socket on server B, and only that one.
    const benAgain: Agent = await loginAt(serverA.url, 'ben@demo.caredesk');
    const secondTab = await connectAt(serverB.url, benAgain.cookie);
    sockets.push(secondTab.socket);
    expect((await benAgain.api('POST', '/api/auth/logout')).status).toBe(204);
    await waitFor(() => secondTab.disconnects.length > 0, { what: 'the logged-out socket closed on B' });
    expect(secondTab.disconnects[0]).toBe('io server disconnect');
    expect(onB.socket.connected).toBe(true);
    expect(onA.socket.connected).toBe(true);

    onA.socket.disconnect();
    onB.socket.disconnect();
    // Every process stops cleanly on SIGTERM.
    const stops = await Promise.all([serverA, serverB, ...workers].map((p) => p.stop('SIGTERM')));
    expect(stops.map((s) => s.code)).toEqual([0, 0, 0, 0]);
  }, 240_000);
});
