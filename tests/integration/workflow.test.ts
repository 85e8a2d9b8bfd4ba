import type {
  ConversationEventsResponse,
  ConversationListResponse,
  ConversationResponse,
  UserListResponse,
  ViewCountsResponse,
} from '../../common/types';
import { simPost, simPostsBy } from '../helpers/sim';
import { type Stack, startStack, waitFor } from '../helpers/stack';

/** Inbox workflow (issue 5, first part): views and counts, assignment, the takeover guard, notes, snooze, audit. */
describe('inbox workflow', () => {
  let stack: Stack;
  let anna: string;
  let ben: string;
  let users: UserListResponse['users'];

  beforeAll(async () => {
    stack = await startStack({ queue: 'postgres', pollEveryMs: 500 });
    anna = await stack.login('anna@demo.caredesk');
    ben = await stack.login('ben@demo.caredesk');
    users = ((await stack.api(anna, 'GET', '/api/users')).body as UserListResponse).users;
  });
  afterAll(async () => {
    await stack?.close();
  });

  const userId = (email: string) => users.find((u) => u.email === email)!.id;
  const view = async (cookie: string, name: string) =>
    ((await stack.api(cookie, 'GET', `/api/conversations?status=${name}`)).body as ConversationListResponse)
      .items;
  const counts = async (cookie: string) =>
    ((await stack.api(cookie, 'GET', '/api/conversations/counts')).body as ViewCountsResponse).counts;
  const detail = async (id: string) =>
    ((await stack.api(anna, 'GET', `/api/conversations/${id}`)).body as ConversationResponse).conversation;
  const newConversation = async (handle: string) => {
    await simPost(stack.sim, { username: handle, text: `@${stack.brand.username} Frage von ${handle}` });
    return waitFor(async () => (await view(anna, 'all')).find((c) => c.contact.handle === handle), {
      what: `@${handle}`,
    });
  };

  it('lists views with live counts and moves a conversation between them on claim, assign and unassign', async () => {
    const c = await newConversation('view_vera');
    expect((await view(anna, 'unassigned')).map((x) => x.id)).toContain(c.id);
    const before = await counts(anna);
    expect(before.unassigned).toBeGreaterThanOrEqual(1);

    const claimed = await stack.api(anna, 'POST', `/api/conversations/${c.id}/claim`);
    expect(claimed.body.conversation).toMatchObject({
      assigneeId: userId('anna@demo.caredesk'),
      assigneeName: 'Anna Berger',
    });
    expect((await view(anna, 'mine')).map((x) => x.id)).toContain(c.id);
    expect((await view(ben, 'mine')).map((x) => x.id)).not.toContain(c.id);
    expect((await view(anna, 'unassigned')).map((x) => x.id)).not.toContain(c.id);
    const after = await counts(anna);
    expect(after.mine).toBe((before.mine ?? 0) + 1);
    expect(after.unassigned).toBe(before.unassigned - 1);

    await stack.api(anna, 'POST', `/api/conversations/${c.id}/assign`, {
      assigneeId: userId('ben@demo.caredesk'),
    });
    expect((await view(ben, 'mine')).map((x) => x.id)).toContain(c.id);
    await stack.api(ben, 'POST', `/api/conversations/${c.id}/assign`, { assigneeId: null });
    expect((await detail(c.id)).assigneeId).toBeNull();
    const bad = await stack.api(anna, 'POST', `/api/conversations/${c.id}/assign`, {
      assigneeId: 'not-a-uuid',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('assigneeId');
  });

  it("refuses a reply on a colleague's conversation unless the sender takes it over, which is audited", async () => {
    const c = await newConversation('collide_carl');
    await stack.api(anna, 'POST', `/api/conversations/${c.id}/claim`);
    const reply = { text: 'Ich übernehme das.', idempotencyKey: 'takeover-key-0001' };
    const refused = await stack.api(ben, 'POST', `/api/conversations/${c.id}/replies`, reply);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'assigned_to_other',
      message: expect.stringContaining('Anna Berger'),
    });

    const taken = await stack.api(ben, 'POST', `/api/conversations/${c.id}/replies`, {
      ...reply,
      takeover: true,
    });
    expect(taken.status).toBe(202);
    expect((await detail(c.id)).assigneeName).toBe('Ben Okafor');
    await waitFor(async () => (await detail(c.id)).messages.some((m) => m.deliveryState === 'sent'), {
      what: 'the reply',
    });
    expect(
      (await simPostsBy(stack.sim, stack.brand.username)).filter((p) =>
        p.text.startsWith('Ich übernehme das.'),
      ),
    ).toHaveLength(1);
    const events = (
      (await stack.api(anna, 'GET', `/api/conversations/${c.id}/events`)).body as ConversationEventsResponse
    ).events;
    const takeover = events.find((e) => e.type === 'conversation.takeover');
    expect(takeover).toMatchObject({
      actorName: 'Ben Okafor',
      data: expect.objectContaining({ from: userId('anna@demo.caredesk') }),
    });
  });

  it('claims an unassigned conversation for the agent who answers it', async () => {
    const c = await newConversation('auto_anton');
    await stack.api(ben, 'POST', `/api/conversations/${c.id}/replies`, {
      text: 'Moin!',
      idempotencyKey: 'autoclaim-0001',
    });
    expect((await detail(c.id)).assigneeName).toBe('Ben Okafor');
  });

  it('keeps internal notes off the platform, records mentions, and audits priority, tags and snooze', async () => {
    const c = await newConversation('note_nora');
    const posts = (await simPostsBy(stack.sim, stack.brand.username)).length;
    const note = await stack.api(anna, 'POST', `/api/conversations/${c.id}/notes`, {
      text: 'Bitte prüfen @BO, Kundin ist VIP',
    });
    expect(note.status).toBe(201);
    expect(note.body.message).toMatchObject({ direction: 'note', deliveryState: null });
    expect((await simPostsBy(stack.sim, stack.brand.username)).length).toBe(posts);

    const until = new Date(Date.now() + 3600_000).toISOString();
    const patched = await stack.api(anna, 'PATCH', `/api/conversations/${c.id}`, {
      priority: 'high',
      tags: ['VIP', 'dsl', 'vip'],
      snoozedUntil: until,
    });
    expect(patched.body.conversation).toMatchObject({
      priority: 'high',
      tags: ['dsl', 'vip'],
      snoozedUntil: until,
    });
    expect((await view(anna, 'snoozed')).map((x) => x.id)).toContain(c.id);
    expect((await view(anna, 'open')).map((x) => x.id)).not.toContain(c.id);
    const past = await stack.api(anna, 'PATCH', `/api/conversations/${c.id}`, {
      snoozedUntil: new Date(Date.now() - 1000).toISOString(),
    });
    expect(past.status).toBe(400);

    // The customer writing again wakes the conversation.
    const first = (await detail(c.id)).messages[0]!.externalId!;
    await simPost(stack.sim, {
      username: 'note_nora',
      text: `@${stack.brand.username} Noch da?`,
      inReplyTo: first,
    });
    await waitFor(async () => (await detail(c.id)).snoozedUntil === null, { what: 'the wake-up' });

    const events = (
      (await stack.api(anna, 'GET', `/api/conversations/${c.id}/events`)).body as ConversationEventsResponse
    ).events;
    const types = events.map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'note.created',
        'conversation.priority_changed',
        'conversation.tags_changed',
        'conversation.snoozed',
      ]),
    );
    expect(events.find((e) => e.type === 'note.created')?.data.mentioned).toEqual([
      userId('ben@demo.caredesk'),
    ]);
    const bad = await stack.api(anna, 'PATCH', `/api/conversations/${c.id}`, { priority: 'extreme' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('priority');
  });
});
