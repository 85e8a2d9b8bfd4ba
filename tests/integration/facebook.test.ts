import { createHmac } from 'node:crypto';
import type {
  ChannelAccountHealthDto,
  ConversationListResponse,
  ConversationResponse,
  MessageDto,
} from '../../common/types';
import { fbActivity, fbComment, fbFault, fbMessage, fbPagePost, fbWebhook } from '../helpers/fbSim';
import { FB_TEST, type Stack, startStack, waitFor } from '../helpers/stack';

const DAY = 24 * 3600_000;

/** Facebook page channel (issue 4): comments, replies, private replies, moderation, Messenger, webhooks, errors. */
describe('Facebook page channel', () => {
  let stack: Stack;
  let cookie: string;
  let postId: string;

  beforeAll(async () => {
    stack = await startStack({ queue: 'postgres', pollEveryMs: 500, facebook: true });
    cookie = await stack.login('anna@demo.caredesk');
    postId = await fbPagePost(stack.sim, 'Heute Nacht Wartungsarbeiten im Netz zwischen 1 und 5 Uhr.');
    // The first read of a stream starts "from now".
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
  });
  afterAll(async () => {
    await stack?.close();
  });

  const conversations = async () =>
    (
      (await stack.api(cookie, 'GET', '/api/conversations?status=all&limit=200'))
        .body as ConversationListResponse
    ).items.filter((c) => c.platform === 'facebook');
  const byName = async (name: string) => (await conversations()).find((c) => c.contact.name === name);
  const detail = async (id: string) =>
    ((await stack.api(cookie, 'GET', `/api/conversations/${id}`)).body as ConversationResponse).conversation;
  const reply = (conversationId: string, text: string, channel: string, key: string) =>
    stack.api(cookie, 'POST', `/api/conversations/${conversationId}/replies`, {
      text,
      channel,
      idempotencyKey: `test-key-${key}`,
    });
  const settled = (conversationId: string, messageId: string) =>
    waitFor(
      async () => {
        const m = (await detail(conversationId)).messages.find((x) => x.id === messageId);
        return m?.deliveryState === 'sent' || m?.deliveryState === 'failed' ? m : null;
      },
      { what: 'the reply to settle' },
    );

  it('turns a comment and its replies into one conversation with the page post as context, and replies publicly', async () => {
    const comment = await fbComment(stack.sim, {
      postId,
      from: 'Karin Vogt',
      message: 'Betrifft das auch 50667 Köln?',
    });
    const conv = await waitFor(() => byName('Karin Vogt'), { what: 'the comment conversation' });
    await fbComment(stack.sim, {
      postId,
      parentId: comment,
      from: 'Karin Vogt',
      message: 'Und wie lange genau?',
    });
    await waitFor(async () => (await detail(conv.id)).messages.length === 2, {
      what: 'the reply in the same conversation',
    });
    const d = await detail(conv.id);
    expect(d.messages[0]!.contextPost).toMatchObject({
      externalId: postId,
      text: expect.stringContaining('Wartungsarbeiten'),
    });
    expect(d.replyOptions.map((o) => o.kind).sort()).toEqual(['private_reply', 'public']);

    const res = await reply(conv.id, 'Ja, auch Köln ist betroffen.', 'public', 'fb-public-1');
    expect(res.status).toBe(202);
    const sent = await settled(conv.id, res.body.message.id);
    expect(sent.deliveryState).toBe('sent');
    const activity = await fbActivity(stack.sim);
    expect(
      activity.filter((a) => a.type === 'comment_reply' && a.text === 'Ja, auch Köln ist betroffen. ^AB'),
    ).toHaveLength(1);
    // The page's own reply comes back in the feed: still one message, no new ticket.
    await new Promise((r) => setTimeout(r, 3000));
    expect((await detail(conv.id)).messages.filter((m) => m.direction === 'outbound')).toHaveLength(1);
    expect((await conversations()).filter((c) => c.contact.name === 'Demo Hilft')).toHaveLength(0);
  });

  it('sends one private reply per comment, only within 7 days, and says why not otherwise', async () => {
    await fbComment(stack.sim, {
      postId,
      from: 'Paul Privat',
      message: 'Meine Vertragsnummer möchte ich nicht öffentlich posten',
    });
    const conv = await waitFor(() => byName('Paul Privat'), { what: 'the comment' });
    const first = await reply(
      conv.id,
      'Schreib uns deine Vertragsnummer hier.',
      'private_reply',
      'fb-private-1',
    );
    expect(first.status).toBe(202);
    const sent = await settled(conv.id, first.body.message.id);
    expect(sent).toMatchObject({ deliveryState: 'sent', privateReply: true, channel: 'dm' });
    expect((await fbActivity(stack.sim)).filter((a) => a.type === 'private_reply')).toHaveLength(1);

    const second = await reply(conv.id, 'Noch eine private Antwort', 'private_reply', 'fb-private-2');
    expect(second.status).toBe(422);
    expect(second.body.error.message).toMatch(/already answered privately/);

    await fbComment(stack.sim, { postId, from: 'Olga Alt', message: 'Alte Frage' });
    const old = await waitFor(() => byName('Olga Alt'), { what: 'the comment' });
    // Eight days pass.
    await stack.core
      .db('messages')
      .where({ conversation_id: old.id })
      .update({ platform_created_at: new Date(Date.now() - 8 * DAY) });
    const option = (await detail(old.id)).replyOptions.find((o) => o.kind === 'private_reply');
    expect(option).toMatchObject({ allowed: false, reason: expect.stringMatching(/within 7 days/) });
    expect((await reply(old.id, 'zu spät', 'private_reply', 'fb-private-3')).status).toBe(422);
  });

  it('hides, unhides and deletes a comment on the page, audited and reflected on the message', async () => {
    const id = await fbComment(stack.sim, { postId, from: 'Troll Tom', message: 'Ihr seid alle unfähig!!!' });
    const conv = await waitFor(() => byName('Troll Tom'), { what: 'the abusive comment' });
    const message = (await detail(conv.id)).messages[0]!;
    const moderate = (action: string) =>
      stack.api(cookie, 'POST', `/api/messages/${message.id}/moderation`, { action });
    expect((await moderate('hide')).body.message.moderation).toEqual({ hidden: true, deleted: false });
    expect((await moderate('unhide')).body.message.moderation).toEqual({ hidden: false, deleted: false });
    expect((await moderate('delete')).body.message.moderation).toEqual({ hidden: false, deleted: true });
    expect((await moderate('hide')).status).toBe(409);
    const types = (await fbActivity(stack.sim)).filter((a) => a.object_id === id).map((a) => a.type);
    expect(types.sort()).toEqual(['delete', 'hide', 'unhide']);
    const audit = await stack.core
      .db('conversation_events')
      .where({ conversation_id: conv.id })
      .whereNotNull('actor_user_id')
      .pluck('type');
    expect(audit).toEqual(expect.arrayContaining(['message.hidden', 'message.unhidden', 'message.deleted']));
    expect((await detail(conv.id)).replyOptions.find((o) => o.kind === 'public')?.allowed).toBe(false);
  });

  it('answers Messenger within 24 h as RESPONSE, with the HUMAN_AGENT tag until 7 days, and refuses after', async () => {
    await fbMessage(stack.sim, 'Mia Messenger', 'Hallo, mein Router ist kaputt');
    const conv = await waitFor(() => byName('Mia Messenger'), {
      what: 'the Messenger conversation',
      timeoutMs: 30_000,
    });
    const res = await reply(conv.id, 'Wir helfen dir gern.', 'dm', 'fb-dm-1');
    expect(res.body).toMatchObject({ message: expect.anything() });
    expect((await settled(conv.id, res.body.message.id)).deliveryState).toBe('sent');
    const sends = (await fbActivity(stack.sim)).filter((a) => a.type === 'message');
    expect(sends[0]).toMatchObject({ messaging_type: 'RESPONSE', text: 'Wir helfen dir gern. ^AB' });

    await fbMessage(
      stack.sim,
      'Theo Tag',
      'Frage von vorgestern',
      new Date(Date.now() - 2 * DAY).toISOString(),
    );
    const tagged = await waitFor(() => byName('Theo Tag'), {
      what: 'the two-day-old message',
      timeoutMs: 30_000,
    });
    const option = (await detail(tagged.id)).replyOptions.find((o) => o.kind === 'dm');
    expect(option).toMatchObject({ allowed: true, reason: expect.stringMatching(/HUMAN_AGENT/) });
    const late = await reply(tagged.id, 'Entschuldige die späte Antwort.', 'dm', 'fb-dm-2');
    expect((await settled(tagged.id, late.body.message.id)).deliveryState).toBe('sent');
    expect(
      (await fbActivity(stack.sim)).find((a) => a.type === 'message' && a.text?.startsWith('Entschuldige')),
    ).toMatchObject({
      messaging_type: 'MESSAGE_TAG',
      tag: 'HUMAN_AGENT',
    });

    await fbMessage(stack.sim, 'Otto Old', 'Vor 8 Tagen', new Date(Date.now() - 8 * DAY).toISOString());
    const old = await waitFor(() => byName('Otto Old'), {
      what: 'the eight-day-old message',
      timeoutMs: 30_000,
    });
    const refused = await reply(old.id, 'zu spät', 'dm', 'fb-dm-3');
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/7-day window/);
  });

  it('fails a reply with the platform reason on code 368 and retries code 2 / 5xx', async () => {
    await fbComment(stack.sim, { postId, from: 'Fehler Fritz', message: 'Hallo?' });
    const conv = await waitFor(() => byName('Fehler Fritz'), { what: 'the comment' });
    await fbFault(stack.sim, 'POST /{comment-id}/comments', 'code:368', 1);
    const blocked = await reply(conv.id, 'Antwort eins', 'public', 'fb-err-1');
    const failed = await settled(conv.id, blocked.body.message.id);
    expect(failed.deliveryState).toBe('failed');
    expect(failed.deliveryError).toMatch(/#368/);

    await fbFault(stack.sim, 'POST /{comment-id}/comments', '500', 1);
    const retried = await reply(conv.id, 'Antwort zwei', 'public', 'fb-err-2');
    expect((await settled(conv.id, retried.body.message.id)).deliveryState).toBe('sent');
  });

  it('takes webhooks as the fast path: verified signatures, redeliveries harmless, echoes not tickets', async () => {
    // Polling paused: only webhooks can bring the comment now.
    await stack.core
      .db('channel_accounts')
      .where({ id: stack.facebookAccountId })
      .update({ status: 'paused' });
    const url = `${stack.web.url}/webhooks/facebook`;
    const verify = await fetch(
      `${url}?hub.mode=subscribe&hub.verify_token=${FB_TEST.verifyToken}&hub.challenge=4711`,
    );
    expect(await verify.text()).toBe('4711');
    expect((await fetch(`${url}?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1`)).status).toBe(
      403,
    );
    const body = JSON.stringify({ object: 'page', entry: [] });
    const bad = await fetch(url, {
      method: 'POST',
      headers: { 'x-hub-signature-256': 'sha256=00', 'content-type': 'application/json' },
      body,
    });
    expect(bad.status).toBe(401);
    const good = await fetch(url, {
      method: 'POST',
      headers: {
        'x-hub-signature-256': `sha256=${createHmac('sha256', FB_TEST.appSecret).update(body).digest('hex')}`,
        'content-type': 'application/json',
      },
      body,
    });
    expect(good.status).toBe(200);

    await fbWebhook(stack.sim, { url, appSecret: FB_TEST.appSecret, verifyToken: FB_TEST.verifyToken });
    const id = await fbComment(stack.sim, { postId, from: 'Wendy Webhook', message: 'Kommt per Webhook' });
    const conv = await waitFor(() => byName('Wendy Webhook'), { what: 'the webhook comment' });
    await fetch(`${stack.sim.url}/_sim/facebook/webhook/redeliver`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ count: 5, shuffle: true }),
    });
    await new Promise((r) => setTimeout(r, 1500));
    const messages: MessageDto[] = (await detail(conv.id)).messages;
    expect(messages.filter((m) => m.externalId === id)).toHaveLength(1);

    // Edits and removals on Facebook reach the message through webhooks too.
    await fetch(`${stack.sim.url}/_sim/facebook/comments/${id}/edit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'Kommt per Webhook (bearbeitet)' }),
    });
    await waitFor(async () => (await detail(conv.id)).messages[0]?.text.includes('bearbeitet'), {
      what: 'the edit',
    });
    await fetch(`${stack.sim.url}/_sim/facebook/comments/${id}`, { method: 'DELETE' });
    await waitFor(async () => (await detail(conv.id)).messages[0]?.moderation.deleted, {
      what: 'the removal',
    });

    // Messenger by webhook, while polling is still paused.
    // Messenger webhooks carry only the PSID (no name): find the conversation by the customer's id.
    const { psid } = await fbMessage(stack.sim, 'Willi Webhook', 'Nachricht per Webhook');
    await waitFor(async () => (await conversations()).find((c) => c.contact.platformUserId === psid), {
      what: 'the Messenger webhook',
    });
    await stack.core
      .db('channel_accounts')
      .where({ id: stack.facebookAccountId })
      .update({ status: 'active' });
  });

  it('marks the page needs_reauth on code 190 and tells the leads', async () => {
    await fbFault(stack.sim, 'GET /{page-id}/published_posts', 'revoke', 1);
    await waitFor(
      async () => {
        const items = (await stack.api(cookie, 'GET', '/api/channel-accounts')).body
          .items as ChannelAccountHealthDto[];
        return items.find((a) => a.platform === 'facebook')?.status === 'needs_reauth';
      },
      { what: 'needs_reauth', timeoutMs: 30_000 },
    );
  });
  it('backs off on a page rate limit (code 32) until the window allows', async () => {
    // After the revoke above: a fresh token and the page active again.
    await fetch(`${stack.sim.url}/_sim/reset`, { method: 'POST' });
    await stack.core
      .db('channel_accounts')
      .where({ id: stack.facebookAccountId })
      .update({ status: 'active' });
    await fbFault(stack.sim, 'GET /{page-id}/published_posts', '429', 1);
    await waitFor(
      async () => {
        const items = (await stack.api(cookie, 'GET', '/api/channel-accounts')).body
          .items as ChannelAccountHealthDto[];
        const feed = items.find((a) => a.platform === 'facebook')?.streams.find((s) => s.key === 'feed');
        return feed?.lastError?.includes('#32') && Date.parse(feed.nextPollAt ?? '0') > Date.now() + 20_000;
      },
      { what: 'the feed stream waiting for the window' },
    );
  });
});
