import type { ConversationListResponse, ConversationResponse } from '../../common/types';
import type { DeliveryStep } from '../../server/services/deliverReply';
import { simDm, simDmsWith, simFault, simPost, simPostsBy, simStats } from '../helpers/sim';
import { type Stack, startStack, waitFor } from '../helpers/stack';

/**
 * Exactly-once replies (issue 3, point 8): a crash injected at every step between "X accepted the
 * reply" and "Caredesk recorded it", and transport faults on the send, never post twice.
 */
describe('exactly-once replies on X', () => {
  let stack: Stack;
  let cookie: string;
  // One crash at the armed step, taken by the next delivery that reaches it; the retry runs normally.
  let armed: DeliveryStep | null = null;

  beforeAll(async () => {
    stack = await startStack({
      queue: 'postgres',
      pollEveryMs: 500,
      outboundAttempts: 4,
      crashAt: (step) => {
        if (armed === step) {
          armed = null;
          throw new Error(`injected crash at ${step}`);
        }
      },
    });
    cookie = await stack.login();
  });
  afterAll(async () => {
    await stack?.close();
  });

  const conversationOf = (handle: string) =>
    waitFor(
      async () =>
        (
          (await stack.api(cookie, 'GET', '/api/conversations?status=all')).body as ConversationListResponse
        ).items.find((c) => c.contact.handle === handle),
      { what: `the conversation of @${handle}` },
    );
  const messageOf = async (conversationId: string, id: string) =>
    (
      (await stack.api(cookie, 'GET', `/api/conversations/${conversationId}`)).body as ConversationResponse
    ).conversation.messages.find((m) => m.id === id);

  async function replyAndSettle(
    handle: string,
    text: string,
    arm?: DeliveryStep,
    channel: 'public' | 'dm' = 'public',
  ) {
    const conversation = await conversationOf(handle);
    armed = arm ?? null;
    const res = await stack.api(cookie, 'POST', `/api/conversations/${conversation.id}/replies`, {
      text,
      channel,
      idempotencyKey: `once-${handle}-${text.length}`,
    });
    expect(res.status).toBe(202);
    return waitFor(
      async () => {
        const m = await messageOf(conversation.id, res.body.message.id);
        return m?.deliveryState === 'sent' || m?.deliveryState === 'failed' ? m : null;
      },
      { what: `the reply to @${handle} to settle`, timeoutMs: 30_000 },
    );
  }

  const steps: DeliveryStep[] = ['claimed', 'posted', 'recording'];
  for (const step of steps) {
    it(`a crash at "${step}" still posts the reply exactly once`, async () => {
      const handle = `crash_${step}`.slice(0, 15);
      const post = await simPost(stack.sim, {
        username: handle,
        text: `@${stack.brand.username} Hilfe (${step})`,
      });
      const before = (await simStats(stack.sim)).brandPostsCreated;
      const settled = await replyAndSettle(handle, `Wir kümmern uns (${step}).`, step);
      expect(settled.deliveryState).toBe('sent');
      expect(armed).toBeNull();
      const replies = (await simPostsBy(stack.sim, stack.brand.username)).filter(
        (p) => p.in_reply_to === post,
      );
      expect(replies).toHaveLength(1);
      expect(settled.externalId).toBe(replies[0]!.id);
      expect((await simStats(stack.sim)).brandPostsCreated - before).toBe(1);
    });
  }

  it('a 403 duplicate after a crash is reconciled against the timeline, never reposted', async () => {
    const post = await simPost(stack.sim, { username: 'dup_dana', text: `@${stack.brand.username} Hallo` });
    await conversationOf('dup_dana');
    // The first reconcile does not see our post yet (X shows it late), so the retry posts again
    // and X answers 403 duplicate content: Caredesk looks again and records the original.
    await simFault(stack.sim, 'GET /2/users/:id/tweets', 'drop_then_show', 1);
    const before = (await simStats(stack.sim)).brandPostsCreated;
    const settled = await replyAndSettle('dup_dana', 'Doppelt hält nicht besser.', 'posted');
    expect(settled.deliveryState).toBe('sent');
    expect(armed).toBeNull();
    expect(
      (await simPostsBy(stack.sim, stack.brand.username)).filter((p) => p.in_reply_to === post),
    ).toHaveLength(1);
    expect((await simStats(stack.sim)).brandPostsCreated - before).toBe(1);
    expect((await simStats(stack.sim)).requests['POST /2/tweets'] ?? 0).toBeGreaterThanOrEqual(2);
  });

  it('a malformed answer after X accepted the post is reconciled, not reposted', async () => {
    const post = await simPost(stack.sim, {
      username: 'malformed_mo',
      text: `@${stack.brand.username} Hallo`,
    });
    await conversationOf('malformed_mo');
    await simFault(stack.sim, 'POST /2/tweets', 'malformed', 1);
    const before = (await simStats(stack.sim)).brandPostsCreated;
    const settled = await replyAndSettle('malformed_mo', 'Antwort trotz kaputter Antwort.');
    expect(settled.deliveryState).toBe('sent');
    expect(
      (await simPostsBy(stack.sim, stack.brand.username)).filter((p) => p.in_reply_to === post),
    ).toHaveLength(1);
    expect((await simStats(stack.sim)).brandPostsCreated - before).toBe(1);
  });

  it('a timeout before X saw the post is retried and posted once', async () => {
    const post = await simPost(stack.sim, {
      username: 'timeout_tim',
      text: `@${stack.brand.username} Hallo`,
    });
    await conversationOf('timeout_tim');
    await simFault(stack.sim, 'POST /2/tweets', 'timeout', 1);
    const settled = await replyAndSettle('timeout_tim', 'Antwort nach Timeout.');
    expect(settled.deliveryState).toBe('sent');
    expect(
      (await simPostsBy(stack.sim, stack.brand.username)).filter((p) => p.in_reply_to === post),
    ).toHaveLength(1);
  });

  it('a DM reply goes to the customer once, also after a crash after sending', async () => {
    await simPost(stack.sim, { username: 'dm_dave', text: `@${stack.brand.username} Bitte per DM` });
    await conversationOf('dm_dave');
    await simDm(stack.sim, { username: 'dm_dave' }, 'Kundennummer 4711');
    const settled = await replyAndSettle('dm_dave', 'Danke, wir prüfen 4711.', 'posted', 'dm');
    expect(settled.deliveryState).toBe('sent');
    expect(settled.channel).toBe('dm');
    expect(armed).toBeNull();
    const dms = (await simDmsWith(stack.sim, 'dm_dave')).filter((d) => d.sender === stack.brand.username);
    expect(dms.map((d) => d.text)).toEqual(['Danke, wir prüfen 4711. ^AB']);
  });
});
