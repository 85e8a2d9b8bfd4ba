import type { ChannelAccountListResponse, ConversationResponse } from '../../common/types';
import { simDm, simEdit, simFault, simPost, simPostsBy } from '../helpers/sim';
import { type Stack, startStack, waitFor } from '../helpers/stack';

/** X ingest under real conditions (issue 3, points 1–4 and 9), against the simulator. */
describe('X ingest', () => {
  let stack: Stack;
  let cookie: string;
  let brand: string;

  beforeAll(async () => {
    stack = await startStack({ queue: 'postgres', pollEveryMs: 500 });
    cookie = await stack.login('lea@demo.caredesk');
    brand = stack.brand.username;
    // The first poll starts "from now"; later polls catch up from the stored cursor.
    await waitFor(async () => (await cursorOf('mentions'))?.sinceId !== undefined, {
      what: 'the first poll',
    });
  });
  afterAll(async () => {
    await stack?.close();
  });

  const db = () => stack.core.db;
  const cursorOf = async (stream: string) =>
    (await db()('channel_accounts').where({ id: stack.channelAccountId }).first('poll_cursor')).poll_cursor?.[
      stream
    ];
  const messagesOf = (handle: string) =>
    db()('messages as m')
      .join('conversations as c', 'c.id', 'm.conversation_id')
      .join('contacts as ct', 'ct.id', 'c.contact_id')
      .where('ct.handle', handle)
      .orderBy('m.created_at')
      .select('m.*', 'c.status', 'c.id as conversation_id');
  const conversationsOf = async (handle: string) =>
    await db()('conversations as c')
      .join('contacts as ct', 'ct.id', 'c.contact_id')
      .where('ct.handle', handle)
      .select('c.*');
  const setStatus = (status: string) =>
    db()('channel_accounts').where({ id: stack.channelAccountId }).update({ status });
  const detail = async (id: string) =>
    ((await stack.api(cookie, 'GET', `/api/conversations/${id}`)).body as ConversationResponse).conversation;

  it('catches up a backlog of 250 mentions across pages after a pause, each exactly once', async () => {
    await setStatus('paused');
    for (let i = 0; i < 250; i++)
      await simPost(stack.sim, { username: `backlog${i % 10}`, text: `@${brand} Störung Nr. ${i}` });
    await setStatus('active');
    const count = async () =>
      Number((await db()('messages').where('text', 'like', '%Störung Nr.%').count('* as n').first())?.n ?? 0);
    await waitFor(async () => (await count()) === 250, { what: '250 ingested mentions', timeoutMs: 60_000 });
    const distinct = await db()('messages')
      .where('text', 'like', '%Störung Nr.%')
      .countDistinct('external_id as n')
      .first();
    expect(Number(distinct?.n)).toBe(250);
    const newest = (await simPostsBy(stack.sim, 'backlog9'))[0]!.id;
    expect((await cursorOf('mentions')).sinceId).toBe(newest);
  });

  it('re-reads an overlap window, so a post X shows late is still ingested', async () => {
    await simFault(stack.sim, 'GET /2/users/:id/mentions', 'drop_then_show', 2);
    const late = await simPost(stack.sim, { username: 'late_lara', text: `@${brand} erst spät sichtbar` });
    // A newer mention moves since_id past the hidden one.
    await simPost(stack.sim, { username: 'early_emil', text: `@${brand} sofort sichtbar` });
    await waitFor(async () => (await messagesOf('early_emil')).length === 1, { what: 'the visible mention' });
    await waitFor(async () => (await messagesOf('late_lara')).some((m) => m.external_id === late), {
      what: 'the late-visible mention',
    });
  });

  it('captures keyword posts that name the brand without @, once even when they also mention it', async () => {
    const res = await stack.api(cookie, 'PATCH', `/api/channel-accounts/${stack.channelAccountId}/settings`, {
      searchQueries: ['Glasfaser'],
    });
    expect(res.status).toBe(200);
    expect(res.body.item.searchQueries).toEqual(['Glasfaser']);
    const keyword = await simPost(stack.sim, {
      username: 'kw_kai',
      text: 'Wann kommt endlich Glasfaser in die Lindenstraße?',
    });
    await simPost(stack.sim, { username: 'kw_both', text: `@${brand} Glasfaser-Anschluss seit Wochen tot` });
    await simPost(stack.sim, { username: brand, text: 'Glasfaser-Ausbau: Neuigkeiten aus Köln' });
    await waitFor(async () => (await messagesOf('kw_kai')).some((m) => m.external_id === keyword), {
      what: 'the keyword post',
      timeoutMs: 30_000,
    });
    await waitFor(async () => (await cursorOf('search:Glasfaser')) !== undefined, { what: 'a search poll' });
    // Seen by both the mentions and the search stream: one message.
    await waitFor(async () => (await messagesOf('kw_both')).length === 1, { what: 'the mention' });
    await new Promise((r) => setTimeout(r, 2500));
    expect(await messagesOf('kw_both')).toHaveLength(1);
    const ownAsTicket = await db()('conversations as c')
      .join('contacts as ct', 'ct.id', 'c.contact_id')
      .where('ct.handle', brand)
      .count('* as n')
      .first();
    expect(Number(ownAsTicket?.n)).toBe(0);
  });

  it('threads follow-ups, reopens a resolved conversation, ignores retweets and keeps quotes with the quoted post', async () => {
    const first = await simPost(stack.sim, {
      username: 'thread_tom',
      text: `@${brand} Router startet ständig neu`,
    });
    await waitFor(async () => (await messagesOf('thread_tom')).length === 1, { what: 'the first post' });
    const conversationId = (await conversationsOf('thread_tom'))[0].id as string;
    const resolved = await stack.api(cookie, 'PATCH', `/api/conversations/${conversationId}`, {
      status: 'resolved',
    });
    expect(resolved.body.conversation.status).toBe('resolved');

    await simPost(stack.sim, { username: 'thread_tom', text: `@${brand} schon wieder!`, inReplyTo: first });
    await waitFor(async () => (await detail(conversationId)).status === 'open', {
      what: 'the reopened conversation',
    });
    expect(await conversationsOf('thread_tom')).toHaveLength(1);
    const events = await db()('conversation_events').where({ conversation_id: conversationId }).pluck('type');
    expect(events).toContain('conversation.reopened');

    await simPost(stack.sim, { username: 'rt_rita', retweetOf: first });
    const quoted = await simPost(stack.sim, {
      username: 'quote_quinn',
      text: `@${brand} genau wie bei mir`,
      quoteOf: first,
    });
    await waitFor(async () => (await messagesOf('quote_quinn')).length === 1, { what: 'the quote post' });
    expect(await conversationsOf('rt_rita')).toHaveLength(0);
    const quote = (await detail((await conversationsOf('quote_quinn'))[0].id)).messages[0]!;
    expect(quote.externalId).toBe(quoted);
    expect(quote.quoted).toMatchObject({
      externalId: first,
      authorHandle: 'thread_tom',
      text: expect.stringContaining('Router'),
    });
  });

  it('shows media and entities from the platform as data, and updates an edited post in place', async () => {
    const id = await simPost(stack.sim, {
      username: 'media_mo',
      text: `@${brand} Foto vom Router #ausfall https://example.com/status`,
      media: [{ type: 'photo', url: 'https://pbs.twimg.com/media/router.jpg', alt_text: 'rote LED' }],
    });
    await waitFor(async () => (await messagesOf('media_mo')).length === 1, { what: 'the media post' });
    const conversationId = (await conversationsOf('media_mo'))[0].id as string;
    const message = (await detail(conversationId)).messages[0]!;
    expect(message.media).toEqual([expect.objectContaining({ type: 'photo', altText: 'rote LED' })]);
    expect(message.media[0]!.url).toMatch(/^https:\/\//);
    expect(message.entities?.hashtags.map((h) => h.tag)).toEqual(['ausfall']);
    expect(message.entities?.urls.map((u) => u.expandedUrl)).toContain('https://example.com/status');
    expect(message.externalUrl).toBe(`https://x.com/media_mo/status/${id}`);

    const edited = await simEdit(stack.sim, id, `@${brand} Foto vom Router – jetzt blinkt er grün`);
    await waitFor(async () => (await detail(conversationId)).messages[0]?.externalId === edited, {
      what: 'the edit',
    });
    const after = await detail(conversationId);
    expect(after.messages).toHaveLength(1);
    expect(after.messages[0]!.text).toContain('grün');
  });

  it("records the brand's native replies as outbound messages and never turns our own replies into tickets", async () => {
    const post = await simPost(stack.sim, { username: 'native_nina', text: `@${brand} Vertrag kündigen?` });
    await waitFor(async () => (await messagesOf('native_nina')).length === 1, { what: 'the customer post' });
    // An agent answers directly on X, outside Caredesk.
    const native = await simPost(stack.sim, {
      username: brand,
      text: '@native_nina Schreib uns gern per DM ^XY',
      inReplyTo: post,
    });
    await waitFor(async () => (await messagesOf('native_nina')).some((m) => m.external_id === native), {
      what: 'the native reply',
      timeoutMs: 30_000,
    });
    const rows = await messagesOf('native_nina');
    expect(rows.find((m) => m.external_id === native)).toMatchObject({
      direction: 'outbound',
      delivery_state: 'sent',
    });
    expect(await conversationsOf('native_nina')).toHaveLength(1);
    expect(await conversationsOf(brand)).toHaveLength(0);

    // A reply sent through Caredesk is seen again by the own-posts stream: still one message.
    const conversationId = rows[0].conversation_id as string;
    const reply = await stack.api(cookie, 'POST', `/api/conversations/${conversationId}/replies`, {
      text: 'Wir melden uns per DM.',
      idempotencyKey: 'native-test-0001',
    });
    await waitFor(
      async () =>
        (await detail(conversationId)).messages.some(
          (m) => m.id === reply.body.message.id && m.deliveryState === 'sent',
        ),
      {
        what: 'our reply sent',
      },
    );
    const sentId = (await detail(conversationId)).messages.find(
      (m) => m.id === reply.body.message.id,
    )!.externalId;
    await waitFor(
      async () => (await db()('inbound_items').where({ external_id: sentId }).first()) !== undefined,
      {
        what: 'the own-posts stream to read our reply',
        timeoutMs: 40_000,
      },
    );
    await waitFor(
      async () => (await db()('inbound_items').where({ external_id: sentId }).first())?.processed_at,
      {
        what: 'its ingest',
      },
    );
    const copies = await db()('messages').where({ external_id: sentId });
    expect(copies).toHaveLength(1);
    expect(copies[0].author_user_id).not.toBeNull();
  });

  it('records a gap for leads when more than the 800 reachable mentions arrived while polling was paused', async () => {
    await setStatus('paused');
    for (let i = 0; i < 900; i++)
      await simPost(stack.sim, { username: `flood${i % 30}`, text: `@${brand} Großstörung ${i}` });
    await setStatus('active');
    const res = await waitFor(
      async () => {
        const list = (await stack.api(cookie, 'GET', '/api/channel-accounts'))
          .body as ChannelAccountListResponse;
        return list.items[0]!.gaps.length > 0 ? list : null;
      },
      { what: 'the recorded gap', timeoutMs: 60_000 },
    );
    const gap = res.items[0]!.gaps[0]!;
    expect(gap.stream).toBe('mentions');
    expect(gap.note).toMatch(/800/);
    const count = async () =>
      Number((await db()('messages').where('text', 'like', '%Großstörung%').count('* as n').first())?.n ?? 0);
    await waitFor(async () => (await count()) >= 800, {
      what: 'the 800 reachable mentions',
      timeoutMs: 60_000,
    });
    expect(await count()).toBe(800);
  });

  it('keeps DMs of a customer in the conversation they already have', async () => {
    await simPost(stack.sim, { username: 'dm_dora', text: `@${brand} Rechnung falsch` });
    await waitFor(async () => (await messagesOf('dm_dora')).length === 1, { what: 'the public post' });
    await simDm(stack.sim, { username: 'dm_dora' }, 'Meine Kundennummer ist 12345');
    await waitFor(async () => (await messagesOf('dm_dora')).length === 2, {
      what: 'the DM',
      timeoutMs: 15_000,
    });
    const rows = await messagesOf('dm_dora');
    expect(rows.map((m) => m.channel)).toEqual(['public', 'dm']);
    expect(new Set(rows.map((m) => m.conversation_id)).size).toBe(1);
  });
});
