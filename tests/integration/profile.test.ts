import type {
  ContactProfileResponse,
  ConversationListResponse,
  ConversationSummary,
  NotificationListResponse,
  RealtimeEvent,
  UserListResponse,
} from '../../common/types';
import { simPost } from '../helpers/sim';
import { type Stack, startStack, waitFor } from '../helpers/stack';

/** Customer profile with past conversations, and @mention notifications addressed to one colleague. */
describe('customer profile and mention notifications', () => {
  let stack: Stack;
  let anna: string;
  let ben: string;
  let lea: string;
  let users: UserListResponse['users'];

  beforeAll(async () => {
    stack = await startStack({ queue: 'postgres', pollEveryMs: 500 });
    anna = await stack.login('anna@demo.caredesk');
    ben = await stack.login('ben@demo.caredesk');
    lea = await stack.login('lea@demo.caredesk');
    users = ((await stack.api(anna, 'GET', '/api/users')).body as UserListResponse).users;
  });
  afterAll(async () => {
    await stack?.close();
  });

  const userId = (email: string) => users.find((u) => u.email === email)!.id;
  const all = async () =>
    (
      (await stack.api(anna, 'GET', '/api/conversations?status=all&limit=200'))
        .body as ConversationListResponse
    ).items;
  /** A new top-level post: a conversation of its own, even for a customer we already know. */
  const newConversation = async (handle: string, text: string): Promise<ConversationSummary> => {
    await simPost(stack.sim, {
      username: handle,
      name: 'Paula Profil',
      text: `@${stack.brand.username} ${text}`,
    });
    return waitFor(
      async () => (await all()).find((c) => c.contact.handle === handle && c.snippet.includes(text)),
      {
        what: `${handle}: ${text}`,
      },
    );
  };
  const notifications = async (cookie: string) =>
    (await stack.api(cookie, 'GET', '/api/notifications')).body as NotificationListResponse;

  it('shows the customer with every conversation, newest first, with outcome, counts and first response time', async () => {
    const first = await newConversation('profil_paula', 'Mein Router blinkt rot');
    const reply = await stack.api(anna, 'POST', `/api/conversations/${first.id}/replies`, {
      text: 'Bitte einmal neu starten.',
      idempotencyKey: 'profile-reply-0001',
    });
    expect(reply.status).toBe(202);
    await waitFor(
      async () =>
        ((await stack.api(anna, 'GET', `/api/conversations/${first.id}`)).body.conversation.firstResponseAt as
          | string
          | null) !== null,
      { what: 'the first response' },
    );
    await stack.api(anna, 'POST', `/api/conversations/${first.id}/notes`, { text: 'Router getauscht' });
    await stack.api(anna, 'PATCH', `/api/conversations/${first.id}`, {
      status: 'resolved',
      tags: ['router'],
    });
    const second = await newConversation('profil_paula', 'Rechnung doppelt abgebucht');
    await stack.api(ben, 'PATCH', `/api/conversations/${second.id}`, { status: 'pending' });

    // The same customer on a second (paused) X account of the brand: it belongs to the profile too.
    const [other] = await stack.core
      .db('channel_accounts')
      .insert({ platform: 'x', handle: 'brand_support', external_user_id: '999001', status: 'paused' })
      .returning('id');
    const [older] = await stack.core
      .db('conversations')
      .insert({
        channel_account_id: other.id,
        contact_id: first.contact.id,
        thread_key: 'old-thread',
        status: 'open',
        snippet: 'Alte Frage',
        snoozed_until: new Date(Date.now() + 86_400_000),
        created_at: new Date(Date.now() - 30 * 86_400_000),
      })
      .returning('id');

    const res = await stack.api(anna, 'GET', `/api/contacts/${first.contact.id}`);
    expect(res.status).toBe(200);
    const profile = res.body as ContactProfileResponse;
    expect(profile.contact).toMatchObject({
      id: first.contact.id,
      platform: 'x',
      handle: 'profil_paula',
      name: 'Paula Profil',
      profileUrl: 'https://x.com/profil_paula',
    });
    expect(Date.parse(profile.contact.firstSeenAt)).toBeLessThanOrEqual(Date.parse(first.updatedAt));
    expect(profile.totalConversations).toBe(3);
    expect(profile.conversations.map((c) => [c.id, c.outcome])).toEqual([
      [second.id, 'pending'],
      [first.id, 'resolved'],
      [older.id, 'snoozed'],
    ]);
    const [pending, resolved, snoozed] = profile.conversations;
    expect(resolved).toMatchObject({
      status: 'resolved',
      messageCounts: { inbound: 1, outbound: 1, notes: 1 },
      assigneeName: 'Anna Berger',
      tags: ['router'],
      accountHandle: stack.brand.username,
      snippet: expect.stringContaining('neu starten'),
    });
    expect(resolved!.resolvedAt).not.toBeNull();
    expect(resolved!.firstResponseMs).toEqual(expect.any(Number));
    expect(pending).toMatchObject({
      status: 'pending',
      resolvedAt: null,
      firstResponseMs: null,
      messageCounts: { inbound: 1, outbound: 0, notes: 0 },
    });
    expect(snoozed).toMatchObject({ accountHandle: 'brand_support', messageCounts: { inbound: 0 } });

    const limited = (await stack.api(anna, 'GET', `/api/contacts/${first.contact.id}?limit=1`))
      .body as ContactProfileResponse;
    expect(limited.conversations.map((c) => c.id)).toEqual([second.id]);
    expect(limited.totalConversations).toBe(3);

    expect((await stack.api(anna, 'GET', '/api/contacts/00000000-0000-4000-8000-000000000000')).status).toBe(
      404,
    );
    const bad = await stack.api(anna, 'GET', '/api/contacts/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('id');
  });

  it('notifies exactly the mentioned colleague, live on that colleague’s socket only, and marks read', async () => {
    const c = await newConversation('mention_mia', 'Wo bleibt mein Techniker?');
    const annaSocket = await stack.connectSocket(anna);
    const benSocket = await stack.connectSocket(ben);
    const leaSocket = await stack.connectSocket(lea);
    const benBefore = (await notifications(ben)).unreadCount;
    const leaBefore = (await notifications(lea)).unreadCount;

    // Anna mentions herself too: the author is never notified.
    const note = await stack.api(anna, 'POST', `/api/conversations/${c.id}/notes`, {
      text: 'Bitte übernehmen @BO, ich (@AB) bin morgen nicht da',
    });
    expect(note.status).toBe(201);
    const noteId = note.body.message.id as string;

    const rows = await stack.core.db('notifications').where({ message_id: noteId });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      user_id: userId('ben@demo.caredesk'),
      kind: 'mention',
      conversation_id: c.id,
      actor_id: userId('anna@demo.caredesk'),
      read_at: null,
    });

    const isNotification = (e: RealtimeEvent) => e.type === 'notification.created';
    const live = await waitFor(() => benSocket.events.find(isNotification), {
      what: "Ben's notification event",
    });
    expect(live).toEqual({
      type: 'notification.created',
      userId: userId('ben@demo.caredesk'),
      notificationIds: [rows[0].id],
    });

    // A later event reaches everyone; events arrive in order, so had the notification gone to Anna or
    // Lea too, it would be in their lists by now.
    const later = await stack.api(lea, 'POST', `/api/conversations/${c.id}/notes`, { text: 'Notiert.' });
    const laterId = later.body.message.id as string;
    for (const s of [annaSocket, leaSocket, benSocket]) {
      await waitFor(() => s.events.some((e) => e.type === 'message.created' && e.messageId === laterId), {
        what: 'the later note event',
      });
    }
    expect(annaSocket.events.filter(isNotification)).toEqual([]);
    expect(leaSocket.events.filter(isNotification)).toEqual([]);
    expect(benSocket.events.filter(isNotification)).toHaveLength(1);

    const benList = await notifications(ben);
    expect(benList.unreadCount).toBe(benBefore + 1);
    expect(benList.items[0]).toMatchObject({
      id: rows[0].id,
      conversationId: c.id,
      actorName: 'Anna Berger',
      contactName: 'Paula Profil',
      contactHandle: 'mention_mia',
      excerpt: 'Bitte übernehmen @BO, ich (@AB) bin morgen nicht da',
      readAt: null,
    });
    expect((await notifications(anna)).items.map((n) => n.id)).not.toContain(rows[0].id);
    expect((await notifications(lea)).unreadCount).toBe(leaBefore);

    // Nobody can mark someone else's notification read.
    const foreign = await stack.api(anna, 'POST', '/api/notifications/read', { ids: [rows[0].id] });
    expect(foreign.status).toBe(200);
    expect((await notifications(ben)).unreadCount).toBe(benBefore + 1);

    const read = await stack.api(ben, 'POST', '/api/notifications/read', { ids: [rows[0].id] });
    expect(read.body).toEqual({ unreadCount: benBefore });
    const afterRead = await notifications(ben);
    expect(afterRead.unreadCount).toBe(benBefore);
    expect(afterRead.items.find((n) => n.id === rows[0].id)?.readAt).toEqual(expect.any(String));
    await waitFor(() => benSocket.events.some((e) => e.type === 'notification.read'), {
      what: "Ben's read event",
    });

    await stack.api(anna, 'POST', `/api/conversations/${c.id}/notes`, {
      text: '@Ben und @Lea bitte schauen',
    });
    await waitFor(async () => (await notifications(lea)).unreadCount === leaBefore + 1, {
      what: "Lea's bell",
    });
    expect((await stack.api(ben, 'POST', '/api/notifications/read', { all: true })).body).toEqual({
      unreadCount: 0,
    });
    expect((await notifications(lea)).unreadCount).toBe(leaBefore + 1);

    expect((await stack.api(ben, 'POST', '/api/notifications/read', {})).status).toBe(400);
    expect((await stack.api(ben, 'POST', '/api/notifications/read', { ids: ['nope'] })).status).toBe(400);
  });
});
