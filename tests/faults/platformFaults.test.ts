import { updateAccountSettings } from '../../server/db/repositories/channelAccounts';
import { syncPollSchedulers } from '../../server/queues/producers';
import { connectXAccount } from '../../server/runtime/accounts';
import { type RunningSimulator, startSimulator } from '../../simulator/server';
import { fbActivity, fbComment, fbPagePost } from '../helpers/fbSim';
import { simPost, simPostsBy } from '../helpers/sim';
import { simCall } from '../helpers/simCall';
import { type Stack, startStack, waitFor } from '../helpers/stack';
import { startTokenRouter, type TokenRouter } from './helpers/tokenRouter';

/**
 * Issue 8, fault suite: 429 storms, 5xx, timeouts and malformed bodies from both platforms, on one
 * account at a time and then on all at once. Three accounts: X "A" (the stack's simulator), X "B" (a
 * second simulator, reached through a router that picks the simulator by bearer token, as api.x.com
 * serves every account) and the Facebook page. Each phase asserts: the workers keep running, calls to
 * the faulty endpoint are spaced by backoff (counted at the simulator), the healthy accounts keep
 * ingesting and replying at normal pace, and once the faults stop every item is ingested once and
 * every reply sent once.
 */

const TOKEN_B = 'sim-x-token-b';
const MENTIONS = 'GET /2/users/:id/mentions';
/** The page's feed stream reads the Page's posts here (then each post's comments). */
const FEED = 'GET /{page-id}/published_posts';
/** Polling between 1 s (busy) and 8 s (quiet); failures back off exponentially up to 8 s. */
const POLL = { pollMinIntervalMs: 1000, pollMaxIntervalMs: 8000, dmPollMinIntervalMs: 1000 };
const STORM_MS = 16_000;
/** Normal pace: an item reaches the inbox within the slowest poll interval plus slack for a busy CI box. */
const HEALTHY_INGEST_MS = 15_000;
/** Polled every second without backoff, a faulty endpoint would be called ~16 times in a storm. */
const MAX_FAULTY_CALLS = 8;

type AccountKey = 'xA' | 'xB' | 'fb';

describe('fault suite: platform faults', () => {
  let stack: Stack;
  let simB: RunningSimulator;
  let router: TokenRouter;
  let cookie: string;
  let pagePost: string;
  const ids: Record<AccountKey, string> = { xA: '', xB: '', fb: '' };
  /** External ids of everything the customers wrote, per account: each must be ingested once. */
  const written: Record<AccountKey, string[]> = { xA: [], xB: [], fb: [] };
  /** Replies sent through Caredesk: [account, text]; each must arrive at its platform once. */
  const replies: Array<{ account: AccountKey; text: string; messageId: string }> = [];
  const started = Date.now();
  let seq = 0;

  beforeAll(async () => {
    // B's windows are short so a 429 storm on B ends within the test (X answers with the window's reset).
    const window = { limit: 1_000_000, windowMs: 20_000 };
    simB = await startSimulator({
      port: 0,
      brand: { id: '1500000000000000002', username: 'zweite_hilfe', name: 'Zweite Hilfe' },
      bearerTokens: [TOKEN_B],
      rateLimits: {
        [MENTIONS]: window,
        'GET /2/users/:id/tweets': window,
        'GET /2/dm_events': window,
        'POST /2/tweets': window,
      },
    });
    router = await startTokenRouter({ [TOKEN_B]: simB.url });
    stack = await startStack({
      queue: 'postgres',
      pollEveryMs: 500,
      facebook: true,
      outboundAttempts: 6,
      accountSettings: POLL,
      xApiVia: async (simUrl) => {
        router.fallback = simUrl;
        return router.url;
      },
    });
    const b = await connectXAccount(
      { db: stack.core.db, secretBox: stack.core.secretBox, xApiBaseUrl: router.url },
      { kind: 'oauth2', accessToken: TOKEN_B },
    );
    await updateAccountSettings(stack.core.db, b.id, POLL);
    await syncPollSchedulers(stack.core.db, stack.core.queues, 500);
    Object.assign(ids, { xA: stack.channelAccountId, xB: b.id, fb: stack.facebookAccountId });
    cookie = await stack.login('lea@demo.caredesk');
    await waitFor(
      async () => {
        const rows = await stack.core
          .db('channel_accounts')
          .whereNotNull('poll_cursor')
          .select('poll_cursor');
        return rows.length === 3 && rows.every((r) => Object.keys(r.poll_cursor).length >= 2);
      },
      { what: 'the first poll of every account' },
    );
    pagePost = await fbPagePost(stack.sim, 'Wartung heute Nacht.');
  });
  afterAll(async () => {
    await stack?.close();
    await router?.close();
    await simB?.close();
    process.stdout.write(`platformFaults suite took ${Math.round((Date.now() - started) / 1000)} s\n`);
  });

  /** A customer writes to the account; returns the external id. */
  async function write(account: AccountKey): Promise<string> {
    seq += 1;
    const name = `kunde_${account}_${seq}`.toLowerCase();
    const id =
      account === 'fb'
        ? await fbComment(stack.sim, {
            postId: pagePost,
            from: `Kunde ${account} ${seq}`,
            message: `Frage ${seq}`,
          })
        : await simPost(account === 'xA' ? stack.sim : simB, {
            username: name,
            text: `@${account === 'xA' ? stack.brand.username : 'zweite_hilfe'} Frage ${seq}`,
          });
    written[account].push(id);
    return id;
  }
  const ingested = async (account: AccountKey, externalId: string) =>
    stack.core
      .db('messages')
      .where({ channel_account_id: ids[account], external_id: externalId, direction: 'inbound' })
      .first('conversation_id');
  /** Calls the platform received, per endpoint, from the account's simulator. */
  async function calls(account: AccountKey, endpoint: string): Promise<number> {
    const stats = await simCall<{
      x: { requests: Record<string, number> };
      facebook: { requests: Record<string, number> };
    }>(account === 'xB' ? simB : stack.sim, 'GET', '/_sim/stats');
    return (account === 'fb' ? stats.facebook.requests : stats.x.requests)[endpoint] ?? 0;
  }
  async function fault(account: AccountKey, endpoint: string, kind: string, count: number) {
    await simCall(account === 'xB' ? simB : stack.sim, 'POST', '/_sim/faults', {
      platform: account === 'fb' ? 'facebook' : 'x',
      endpoint,
      kind,
      count,
    });
  }
  const clearFaults = async () => {
    await simCall(stack.sim, 'DELETE', '/_sim/faults');
    await simCall(simB, 'DELETE', '/_sim/faults');
  };
  /** Replies to the conversation of `externalId` through Caredesk and remembers it. */
  async function reply(account: AccountKey, externalId: string) {
    const row = await waitFor(() => ingested(account, externalId), { what: `${externalId} ingested` });
    const text = `Antwort ${account} ${replies.length + 1}.`;
    const res = await stack.api(cookie, 'POST', `/api/conversations/${row.conversation_id}/replies`, {
      text,
      idempotencyKey: `faults-${account}-${replies.length + 1}`,
    });
    expect(res.status).toBe(202);
    const entry = { account, text, messageId: res.body.message.id as string };
    replies.push(entry);
    return entry;
  }
  const deliveryState = async (messageId: string) =>
    (await stack.core.db('messages').where({ id: messageId }).first('delivery_state'))
      .delivery_state as string;
  const workersRunning = () => stack.workers.workers.every((w) => w.isRunning());

  /**
   * One storm: faults on `faulty` endpoints for STORM_MS while customers keep writing to every account
   * and agents reply on the healthy ones; then the faults stop.
   */
  async function storm(
    faults: Array<{ account: AccountKey; endpoint: string; kind: string }>,
    healthy: AccountKey[],
  ) {
    const before = await Promise.all(faults.map((f) => calls(f.account, f.endpoint)));
    for (const f of faults) await fault(f.account, f.endpoint, f.kind, 100_000);
    const from = Date.now();
    const healthyWrites: Array<{ account: AccountKey; id: string; at: number }> = [];
    const faultyWrites: string[] = [];
    // Traffic on every account during the storm: a write per account every 4 s.
    while (Date.now() - from < STORM_MS - 4000) {
      for (const account of ['xA', 'xB', 'fb'] as const) {
        const id = await write(account);
        if (healthy.includes(account)) healthyWrites.push({ account, id, at: Date.now() });
        else faultyWrites.push(id);
      }
      await new Promise((r) => setTimeout(r, 4000));
    }
    // The healthy accounts ingest at normal pace and their replies go out, during the storm.
    for (const w of healthyWrites) {
      await waitFor(() => ingested(w.account, w.id), {
        what: `${w.account} item ingested during the storm`,
        timeoutMs: Math.max(1000, w.at + HEALTHY_INGEST_MS - Date.now()),
      });
    }
    for (const account of healthy) {
      const r = await reply(account, healthyWrites.find((w) => w.account === account)!.id);
      await waitFor(async () => (await deliveryState(r.messageId)) === 'sent', {
        what: `a ${account} reply during the storm`,
      });
    }
    await new Promise((r) => setTimeout(r, Math.max(0, STORM_MS - (Date.now() - from))));
    const during = await Promise.all(
      faults.map((f, i) => calls(f.account, f.endpoint).then((n) => n - before[i]!)),
    );
    await clearFaults();
    process.stdout.write(
      `storm ${faults.map((f, i) => `${f.account} ${f.kind} ${f.endpoint}: ${during[i]} calls`).join('; ')} in ${STORM_MS / 1000} s\n`,
    );
    expect(workersRunning()).toBe(true);
    // Backoff: the faulty endpoints were called, but far less often than every poll.
    for (const [i, f] of faults.entries()) {
      expect({ endpoint: `${f.account} ${f.endpoint}`, calls: during[i]! <= MAX_FAULTY_CALLS }).toEqual({
        endpoint: `${f.account} ${f.endpoint}`,
        calls: true,
      });
      expect(during[i]).toBeGreaterThanOrEqual(1);
    }
    // No account was flagged by another's faults (nor by its own: these are not auth errors).
    const statuses = await stack.core.db('channel_accounts').pluck('status');
    expect(statuses).toEqual(['active', 'active', 'active']);
    return faultyWrites;
  }

  it('X account A in a 5xx storm (mentions and a burst on posting): backoff, no crash loop, 0 loss, the others unaffected', async () => {
    await fault('xA', 'POST /2/tweets', '500', 3);
    const pending = await reply('xA', await write('xA'));
    const backlog = await storm([{ account: 'xA', endpoint: MENTIONS, kind: '500' }], ['xB', 'fb']);
    for (const id of backlog)
      await waitFor(() => ingested('xA', id), { what: 'the backlog of A', timeoutMs: 30_000 });
    await waitFor(async () => (await deliveryState(pending.messageId)) === 'sent', {
      what: 'the reply of A',
    });
  });

  it('X account B in a 429 storm (mentions and posting): waits for the reset, no crash loop, 0 loss, the others unaffected', async () => {
    await fault('xB', 'POST /2/tweets', '429', 2);
    const pending = await reply('xB', await write('xB'));
    const backlog = await storm([{ account: 'xB', endpoint: MENTIONS, kind: '429' }], ['xA', 'fb']);
    for (const id of backlog)
      await waitFor(() => ingested('xB', id), { what: 'the backlog of B', timeoutMs: 45_000 });
    await waitFor(async () => (await deliveryState(pending.messageId)) === 'sent', {
      what: 'the rate-limited reply of B',
      timeoutMs: 45_000,
    });
  });

  it('the Facebook page in malformed bodies and timeouts: backoff, no crash loop, 0 loss, the X accounts unaffected', async () => {
    await fault('fb', 'POST /{comment-id}/comments', 'timeout', 1);
    const pending = await reply('fb', await write('fb'));
    const backlog = await storm([{ account: 'fb', endpoint: FEED, kind: 'malformed' }], ['xA', 'xB']);
    for (const id of backlog)
      await waitFor(() => ingested('fb', id), { what: 'the backlog of the page', timeoutMs: 30_000 });
    await waitFor(async () => (await deliveryState(pending.messageId)) === 'sent', {
      what: 'the timed-out reply of the page',
      timeoutMs: 30_000,
    });
  });

  it('storms on all accounts at once (5xx on A, 429 on B, timeouts on the page): no crash loop, then 0 loss', async () => {
    const backlog = await storm(
      [
        { account: 'xA', endpoint: MENTIONS, kind: '500' },
        { account: 'xB', endpoint: MENTIONS, kind: '429' },
        { account: 'fb', endpoint: FEED, kind: 'timeout' },
      ],
      [],
    );
    expect(backlog.length).toBeGreaterThanOrEqual(6);
    for (const account of ['xA', 'xB', 'fb'] as const) {
      for (const id of written[account])
        await waitFor(() => ingested(account, id), {
          what: `${account} ${id} after the storms`,
          timeoutMs: 45_000,
        });
    }
  });

  it('after all storms: every item ingested exactly once, every reply sent exactly once', async () => {
    for (const account of ['xA', 'xB', 'fb'] as const) {
      for (const id of written[account])
        await waitFor(() => ingested(account, id), { what: `${account} ${id}`, timeoutMs: 45_000 });
      const rows = await stack.core
        .db('messages')
        .where({ channel_account_id: ids[account], direction: 'inbound' })
        .whereIn('external_id', written[account])
        .pluck('external_id');
      expect(rows.sort()).toEqual([...written[account]].sort());
    }
    await waitFor(
      async () => {
        for (const r of replies) if ((await deliveryState(r.messageId)) !== 'sent') return false;
        return true;
      },
      { what: 'every reply sent' },
    );
    const postsA = await simPostsBy(stack.sim, stack.brand.username);
    const postsB = await simPostsBy(simB, 'zweite_hilfe');
    const activity = await fbActivity(stack.sim);
    for (const r of replies) {
      const received =
        r.account === 'fb'
          ? activity.filter((a) => a.type === 'comment_reply' && a.text?.startsWith(r.text)).length
          : (r.account === 'xA' ? postsA : postsB).filter((p) => p.text.startsWith(r.text)).length;
      expect({ reply: r.text, received }).toEqual({ reply: r.text, received: 1 });
    }
  });
});
