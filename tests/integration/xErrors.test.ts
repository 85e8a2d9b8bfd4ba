import type {
  ChannelAccountHealthDto,
  ConversationListResponse,
  ConversationResponse,
} from '../../common/types';
import { simClearFaults, simFault, simPost, simStats } from '../helpers/sim';
import { type Stack, startStack, waitFor } from '../helpers/stack';

/** Platform errors while polling and sending, each visible to agents or leads (issue 3, points 6 and 7). */
describe('X errors', () => {
  let stack: Stack;
  let cookie: string;
  const MENTIONS = 'GET /2/users/:id/mentions';

  beforeAll(async () => {
    stack = await startStack({ queue: 'postgres', pollEveryMs: 500 });
    cookie = await stack.login('lea@demo.caredesk');
  });
  afterAll(async () => {
    await stack?.close();
  });

  const health = async () =>
    ((await stack.api(cookie, 'GET', '/api/channel-accounts')).body.items as ChannelAccountHealthDto[])[0]!;
  const stream = async (key: string) => (await health()).streams.find((s) => s.key === key);
  const ingested = async (handle: string) =>
    (
      (await stack.api(cookie, 'GET', '/api/conversations?status=all')).body as ConversationListResponse
    ).items.find((c) => c.contact.handle === handle);
  const mentionRequests = async () => (await simStats(stack.sim)).requests[MENTIONS] ?? 0;

  it('shows the account health: streams, next poll, rate limits and the read budget', async () => {
    await waitFor(async () => (await health()).streams.length >= 3, { what: 'streams in the health view' });
    const h = await health();
    expect(h.status).toBe('active');
    expect(h.handle).toBe(stack.brand.username);
    expect(h.streams.map((s) => s.key).sort()).toEqual(['dms', 'mentions', 'own']);
    expect(Date.parse(h.nextPollAt!)).toBeGreaterThan(Date.now() - 5000);
    expect(h.rateLimits.find((r) => r.endpoint === MENTIONS)).toMatchObject({ limit: 1_000_000 });
    expect(h.budget.monthlyReads).toBe(150_000);
    expect(h.lastSuccessAt).not.toBeNull();
  });

  it('backs off on 5xx and malformed bodies, keeps the cursor, and loses nothing', async () => {
    await simFault(stack.sim, MENTIONS, '500', 2);
    await simFault(stack.sim, MENTIONS, 'malformed', 1);
    await simPost(stack.sim, { username: 'unlucky_uwe', text: `@${stack.brand.username} Netz weg` });
    await waitFor(async () => (await stream('mentions'))?.lastError?.includes('500'), {
      what: 'the 5xx in the health view',
    });
    await waitFor(async () => (await stream('mentions'))?.lastError?.includes('malformed'), {
      what: 'the malformed body in the health view',
    });
    await waitFor(() => ingested('unlucky_uwe'), { what: 'the mention after the faults', timeoutMs: 30_000 });
    await waitFor(async () => (await stream('mentions'))?.lastError === null, {
      what: 'the stream to recover',
    });
  });

  it('waits for the reset after a 429 while the other streams go on', async () => {
    await simFault(stack.sim, MENTIONS, '429', 1);
    await waitFor(async () => /rate limit/i.test((await stream('mentions'))?.lastError ?? ''), {
      what: 'the 429',
    });
    const limited = (await stream('mentions'))!;
    // The simulator's 429 says the 15-minute window resets later: no mention polls until then.
    expect(Date.parse(limited.nextPollAt!)).toBeGreaterThan(Date.now() + 60_000);
    const requests = await mentionRequests();
    const ownBefore = (await simStats(stack.sim)).requests['GET /2/users/:id/tweets'] ?? 0;
    await new Promise((r) => setTimeout(r, 3000));
    expect(await mentionRequests()).toBe(requests);
    expect((await simStats(stack.sim)).requests['GET /2/users/:id/tweets'] ?? 0).toBeGreaterThan(ownBefore);
    // Lift the pause for the next test (as if the window had reset).
    await stack.core
      .db('channel_accounts')
      .update({ usage: stack.core.db.raw("usage #- '{streams,mentions}'") });
    await stack.core.db('channel_accounts').update({ rate_limit: '{}' });
  });

  it('holds replies beyond the posting budget in the queue, with the reason shown', async () => {
    const set = await stack.api(cookie, 'PATCH', `/api/channel-accounts/${stack.channelAccountId}/settings`, {
      postsPer24h: 1,
    });
    expect(set.body.item.budget.postsPer24h).toBe(1);
    const send = async (handle: string) => {
      await simPost(stack.sim, { username: handle, text: `@${stack.brand.username} Frage` });
      const c = await waitFor(() => ingested(handle), { what: `@${handle}` });
      const res = await stack.api(cookie, 'POST', `/api/conversations/${c.id}/replies`, {
        text: `Antwort an ${handle}`,
        idempotencyKey: `budget-${handle}`,
      });
      return { conversationId: c.id, messageId: res.body.message.id as string };
    };
    const message = async (r: { conversationId: string; messageId: string }) =>
      (
        (await stack.api(cookie, 'GET', `/api/conversations/${r.conversationId}`))
          .body as ConversationResponse
      ).conversation.messages.find((m) => m.id === r.messageId)!;
    const first = await send('budget_bo');
    await waitFor(async () => (await message(first)).deliveryState === 'sent', { what: 'the first reply' });
    const second = await send('budget_bea');
    const held = await waitFor(
      async () => {
        const m = await message(second);
        return m.deliveryError?.includes('Posting budget') ? m : null;
      },
      { what: 'the held reply' },
    );
    expect(held.deliveryState).toBe('queued');
    expect((await simStats(stack.sim)).brandPostsCreated).toBe(1);
    await stack.api(cookie, 'PATCH', `/api/channel-accounts/${stack.channelAccountId}/settings`, {
      postsPer24h: 100,
    });
  });

  it('marks a revoked account needs_reauth, stops polling it, and fails its replies with a clear reason', async () => {
    await simPost(stack.sim, { username: 'before_bea', text: `@${stack.brand.username} Hallo` });
    const conversation = await waitFor(() => ingested('before_bea'), {
      what: 'a conversation before the revoke',
    });
    await simClearFaults(stack.sim);
    await simFault(stack.sim, MENTIONS, 'revoke', 1);
    await waitFor(async () => (await health()).status === 'needs_reauth', {
      what: 'needs_reauth',
      timeoutMs: 30_000,
    });
    const h = await health();
    expect(h.lastError).toMatch(/token/i);
    expect(h.nextPollAt).toBeNull();

    const requests = await mentionRequests();
    await new Promise((r) => setTimeout(r, 3000));
    expect(await mentionRequests()).toBe(requests);

    const reply = await stack.api(cookie, 'POST', `/api/conversations/${conversation.id}/replies`, {
      text: 'Antwort trotz Token-Problem',
      idempotencyKey: 'revoked-0001',
    });
    const failed = await waitFor(async () => {
      const detail = (await stack.api(cookie, 'GET', `/api/conversations/${conversation.id}`))
        .body as ConversationResponse;
      const m = detail.conversation.messages.find((x) => x.id === reply.body.message.id);
      return m?.deliveryState === 'failed' ? m : null;
    });
    expect(failed.deliveryError).toMatch(/re-authorised/);
    expect((await simStats(stack.sim)).brandPostsCreated).toBe(1);
  });
});
