import type { ConversationListResponse, ConversationSummary } from '../../common/types';
import { type NetProxy, startNetProxy } from '../helpers/netProxy';
import { simPost } from '../helpers/sim';
import { type Stack, startStack, waitFor } from '../helpers/stack';
import { MirrorClient, readInbox } from './helpers/mirrorClient';

/**
 * Issue 8, fault suite: a client loses the network (a TCP proxy in front of the web server cuts HTTP
 * and WebSocket alike) while colleagues and customers change things; after reconnecting, its copy of
 * the inbox (id -> version, status, assignee, priority) equals the server's.
 *
 * Time: the product's catch-up does not depend on how long the client was away. There is no replay
 * window on the server; the client refetches everything on every reconnect, and socket.io's retry
 * delay is capped at 10 s (the web client's setting, used here too). What does depend on the clock
 * is the session: its idle timeout (SESSION_IDLE_MINUTES, 30) is counted from `last_seen_at`. So the
 * 10-minute case keeps the network down long enough for the retries to reach their 10 s cap (the
 * steady state a 10-minute outage is in) and moves the session's `last_seen_at` 10 minutes back, as
 * if those minutes had passed on the server's clock. The 30 s case is 30 real seconds.
 */
describe('fault suite: client reconnect', () => {
  let stack: Stack;
  let proxy: NetProxy;
  let lea: string;
  let ben: string;
  let benId: string;
  const started = Date.now();

  beforeAll(async () => {
    stack = await startStack({ queue: 'postgres', pollEveryMs: 500 });
    [lea, ben] = await Promise.all([stack.login('lea@demo.caredesk'), stack.login('ben@demo.caredesk')]);
    benId = (await stack.core.db('users').where({ email: 'ben@demo.caredesk' }).first('id')).id;
    const web = new URL(stack.web.url);
    proxy = await startNetProxy({ host: web.hostname, port: Number(web.port) });
  });
  afterAll(async () => {
    await proxy?.close();
    await stack?.close();
    process.stdout.write(`clientReconnect suite took ${Math.round((Date.now() - started) / 1000)} s\n`);
  });

  const newConversation = async (handle: string): Promise<ConversationSummary> => {
    await simPost(stack.sim, { username: handle, text: `@${stack.brand.username} Hallo von ${handle}` });
    return waitFor(
      async () =>
        (
          (await stack.api(ben, 'GET', '/api/conversations?status=all&limit=200'))
            .body as ConversationListResponse
        ).items.find((c) => c.contact.handle === handle),
      { what: `@${handle}` },
    );
  };
  const serverState = () => readInbox(stack.web.url, lea);
  const canonical = (state: Record<string, unknown>) =>
    JSON.stringify(Object.entries(state).sort(([a], [b]) => a.localeCompare(b)));

  for (const [label, realOfflineMs, serverClockMs] of [
    ['30 s', 30_000, 0],
    ['10 min', 15_000, 10 * 60_000],
  ] as const) {
    it(`a client disconnected for ${label} while events fire: after reconnect its state equals the server's`, async () => {
      const tag = label.replace(' ', '');
      const toResolve = await newConversation(`res_${tag}`);
      const toAssign = await newConversation(`asg_${tag}`);
      const toAnswer = await newConversation(`ans_${tag}`);
      const client = new MirrorClient(proxy.url, lea);
      try {
        await waitFor(() => client.connected, { what: 'the client connected' });
        await waitFor(async () => (await client.current())[toAnswer.id], {
          what: 'the first load',
        });
        expect(client.state).toEqual(await serverState());

        await proxy.cut();
        await waitFor(() => !client.connected, { what: 'the client to notice the cut' });
        const offlineFrom = Date.now();

        // While it is away: a customer writes, a colleague resolves, assigns and answers.
        const arrived = await newConversation(`new_${tag}`);
        await stack.api(ben, 'PATCH', `/api/conversations/${toResolve.id}`, { status: 'resolved' });
        await stack.api(ben, 'POST', `/api/conversations/${toAssign.id}/assign`, { assigneeId: benId });
        const reply = await stack.api(ben, 'POST', `/api/conversations/${toAnswer.id}/replies`, {
          text: `Antwort während ${label} offline`,
          idempotencyKey: `reconnect-${tag}`,
        });
        expect(reply.status).toBe(202);
        await waitFor(async () => (await serverState())[toAnswer.id]?.status === 'pending', {
          what: 'the reply sent',
        });

        const server = await serverState();
        // The copy is stale now: this is what the reconnect has to heal.
        expect(client.state[arrived.id]).toBeUndefined();
        expect(client.state[toResolve.id]?.status).not.toBe('resolved');
        expect(client.state[toAssign.id]?.assigneeId).not.toBe(benId);
        expect(client.state).not.toEqual(server);

        await new Promise((r) => setTimeout(r, Math.max(0, realOfflineMs - (Date.now() - offlineFrom))));
        if (serverClockMs > 0) {
          await stack.core.db('sessions').update({
            last_seen_at: stack.core.db.raw(`last_seen_at - interval '${serverClockMs} milliseconds'`),
          });
        }
        const connectsBefore = client.connects;
        await proxy.restore();
        // socket.io retries at most every 10 s (plus jitter).
        await waitFor(() => client.connects > connectsBefore, { what: 'the reconnect', timeoutMs: 25_000 });
        await waitFor(
          async () => {
            return canonical(await client.current()) === canonical(await serverState());
          },
          { what: "the client's state to equal the server's", timeoutMs: 15_000 },
        ).catch(async (error) => {
          expect(client.state).toEqual(await serverState());
          throw error;
        });
        expect(client.state).toEqual(await serverState());

        // And it is live again: a change after the reconnect arrives as an event.
        await stack.api(ben, 'PATCH', `/api/conversations/${toAssign.id}`, { priority: 'high' });
        await waitFor(async () => (await client.current())[toAssign.id]?.priority === 'high', {
          what: 'a live change after the reconnect',
        });
        expect(client.state).toEqual(await serverState());
      } finally {
        client.close();
      }
    });
  }
});
