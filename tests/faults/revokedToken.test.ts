import type {
  ChannelAccountHealthDto,
  ConversationListResponse,
  ConversationResponse,
  RealtimeEvent,
} from '../../common/types';
import { fbActivity, fbComment, fbPagePost } from '../helpers/fbSim';
import { simPost, simStats } from '../helpers/sim';
import { type Stack, startStack, waitFor } from '../helpers/stack';
import { approveXConsent, revokeAtSimulator, xTokens } from './helpers/xOAuthFlow';

/**
 * Issue 8, fault suite: the X token is revoked at the platform (the user removed the app). Caredesk
 * flags the account, tells the leads live, stops calling X with the dead token, keeps the Facebook
 * page working, fails queued replies with a clear reason, and after re-authorisation resumes from its
 * cursors with nothing lost.
 */
describe('fault suite: revoked token', () => {
  let stack: Stack;
  let admin: string;
  let lead: string;
  let agent: string;
  let leadEvents: RealtimeEvent[];
  let pagePost: string;
  const started = Date.now();

  beforeAll(async () => {
    stack = await startStack({ queue: 'postgres', pollEveryMs: 500, facebook: true });
    [admin, lead, agent] = await Promise.all([
      stack.login('admin@demo.caredesk'),
      stack.login('lea@demo.caredesk'),
      stack.login('anna@demo.caredesk'),
    ]);
    // Connect the X account through OAuth 2.0, so it holds a token the platform can revoke.
    const start = await stack.api(admin, 'POST', '/api/channel-accounts/x/oauth/start', {});
    expect(await approveXConsent(stack, admin, start.body.authorizeUrl)).toBe(
      `/?connected=${stack.channelAccountId}#/accounts`,
    );
    leadEvents = (await stack.connectSocket(lead)).events;
    await waitFor(
      async () => {
        const row = await stack.core
          .db('channel_accounts')
          .where({ id: stack.facebookAccountId })
          .first('poll_cursor');
        return row.poll_cursor?.feed && row.poll_cursor?.messenger;
      },
      { what: 'the first Facebook poll' },
    );
    pagePost = await fbPagePost(stack.sim, 'Neue Tarife ab Montag.');
  });
  afterAll(async () => {
    await stack?.close();
    process.stdout.write(`revokedToken suite took ${Math.round((Date.now() - started) / 1000)} s\n`);
  });

  const conversations = async () =>
    (
      (await stack.api(agent, 'GET', '/api/conversations?status=all&limit=200'))
        .body as ConversationListResponse
    ).items;
  const byContact = async (who: string) =>
    (await conversations()).find((c) => c.contact.handle === who || c.contact.name === who);
  const health = async (id: string) =>
    ((await stack.api(lead, 'GET', '/api/channel-accounts')).body.items as ChannelAccountHealthDto[]).find(
      (a) => a.id === id,
    )!;
  const xRequests = async () =>
    Object.values((await simStats(stack.sim)).requests).reduce((sum, n) => sum + n, 0);
  const reply = async (who: string, text: string, key: string) => {
    const c = await waitFor(() => byContact(who), { what: `the conversation of ${who}` });
    const res = await stack.api(agent, 'POST', `/api/conversations/${c.id}/replies`, {
      text,
      idempotencyKey: `revoked-${key}`,
    });
    expect(res.status).toBe(202);
    return { conversationId: c.id, messageId: res.body.message.id as string };
  };
  const message = async (r: { conversationId: string; messageId: string }) =>
    (
      (await stack.api(agent, 'GET', `/api/conversations/${r.conversationId}`)).body as ConversationResponse
    ).conversation.messages.find((m) => m.id === r.messageId)!;

  it('a revoked token: account flagged, leads told, no retry storm, other accounts unaffected, replies fail with a clear reason, nothing lost after re-authorisation', async () => {
    // Before: the X account works.
    await simPost(stack.sim, { username: 'before_ben', text: `@${stack.brand.username} Frage vorher` });
    await waitFor(() => byContact('before_ben'), { what: 'a mention read with the OAuth token' });

    // Queue replies while the platform revokes the token: they race the detection.
    await revokeAtSimulator(stack, await xTokens(stack, stack.channelAccountId));
    const postsBefore = (await simStats(stack.sim)).brandPostsCreated;
    await simPost(stack.sim, {
      username: 'during_dora',
      text: `@${stack.brand.username} Frage währenddessen`,
    });
    const queued = [];
    for (let i = 0; i < 5; i++)
      queued.push(await reply('before_ben', `Antwort ${i} nach dem Entzug`, `q${i}`));

    // Flagged, and the leads are told live.
    await waitFor(async () => (await health(stack.channelAccountId)).status === 'needs_reauth', {
      what: 'the account flagged needs_reauth',
      timeoutMs: 30_000,
    });
    const flagged = await health(stack.channelAccountId);
    expect(flagged.lastError).toMatch(/token|author/i);
    await waitFor(
      () =>
        leadEvents.some((e) => e.type === 'account.updated' && e.channelAccountId === stack.channelAccountId),
      { what: 'the lead told over the socket' },
    );

    // Replies: failed with the reason, none posted.
    for (const q of queued) {
      const m = await waitFor(
        async () => {
          const x = await message(q);
          return x.deliveryState === 'failed' ? x : null;
        },
        { what: 'the reply to fail' },
      );
      expect(m.deliveryError).toMatch(/re-authorised/);
    }
    expect((await simStats(stack.sim)).brandPostsCreated).toBe(postsBefore);

    // No retry storm: over 6 s, at most a couple of calls (one in flight when the flag was set).
    await new Promise((r) => setTimeout(r, 1000));
    const callsAtFlag = await xRequests();
    await new Promise((r) => setTimeout(r, 6000));
    expect((await xRequests()) - callsAtFlag).toBeLessThanOrEqual(2);

    // The Facebook page is unaffected meanwhile: reads and replies.
    await fbComment(stack.sim, {
      postId: pagePost,
      from: 'Frieda Facebook',
      message: 'Gilt das auch für mich?',
    });
    const fb = await reply('Frieda Facebook', 'Ja, für alle Kunden.', 'fb');
    await waitFor(async () => (await message(fb)).deliveryState === 'sent', { what: 'the Facebook reply' });
    expect(
      (await fbActivity(stack.sim)).filter((a) => a.text?.startsWith('Ja, für alle Kunden.')),
    ).toHaveLength(1);
    expect((await health(stack.facebookAccountId!)).status).toBe('active');

    // The mention written while revoked is not there yet.
    expect(await byContact('during_dora')).toBeUndefined();

    // Re-authorisation by the admin.
    const start = await stack.api(
      admin,
      'POST',
      `/api/channel-accounts/${stack.channelAccountId}/reauthorise`,
      {},
    );
    expect(start.status).toBe(200);
    expect(await approveXConsent(stack, admin, start.body.authorizeUrl)).toBe(
      `/?connected=${stack.channelAccountId}#/accounts`,
    );
    expect((await health(stack.channelAccountId)).status).toBe('active');

    // Nothing lost: the mention posted while revoked arrives from the kept cursor…
    await waitFor(() => byContact('during_dora'), {
      what: 'the mention from the revoked period',
      timeoutMs: 30_000,
    });
    // …and the failed replies, retried by the agent, go out once each.
    for (const q of queued) {
      expect((await stack.api(agent, 'POST', `/api/messages/${q.messageId}/retry`, {})).status).toBe(202);
    }
    for (const q of queued) {
      await waitFor(async () => (await message(q)).deliveryState === 'sent', { what: 'the retried reply' });
    }
    expect((await simStats(stack.sim)).brandPostsCreated - postsBefore).toBe(queued.length);
    const rows = await stack.core
      .db('messages')
      .where({ channel_account_id: stack.channelAccountId, direction: 'inbound' })
      .select('external_id');
    expect(new Set(rows.map((r) => r.external_id)).size).toBe(rows.length);
  });
});
