import type {
  ConversationEventsResponse,
  ConversationListResponse,
  ConversationResponse,
  MessageDto,
  NotificationListResponse,
  PendingDraftListResponse,
  RealtimeEvent,
} from '../../common/types';
import { listStaleOutbox } from '../../server/db/repositories/messages';
import { deliverReply } from '../../server/services/deliverReply';
import { simPost, simPostsBy } from '../helpers/sim';
import { type Stack, startStack, waitFor } from '../helpers/stack';

/**
 * Approval workflow (issue 6): a guide's (or trainee's) reply is a draft that is never posted until an
 * agent or lead approves it; approval posts it exactly once, signed by the approver; rejection posts
 * nothing and tells the author why; every step is audited.
 */
describe('reply approvals', () => {
  let stack: Stack;
  let gina: string;
  let anna: string;
  let lea: string;
  let ben: string;
  let ids: Record<string, string>;

  beforeAll(async () => {
    stack = await startStack({ queue: 'postgres', pollEveryMs: 500 });
    gina = await stack.login('gina@demo.caredesk');
    anna = await stack.login('anna@demo.caredesk');
    lea = await stack.login('lea@demo.caredesk');
    ben = await stack.login('ben@demo.caredesk');
    const rows = await stack.core.db('users').select('id', 'email');
    ids = Object.fromEntries(rows.map((r) => [r.email.split('@')[0], r.id]));
  });
  afterAll(async () => {
    await stack?.close();
  });

  const detail = async (id: string) =>
    ((await stack.api(anna, 'GET', `/api/conversations/${id}`)).body as ConversationResponse).conversation;
  const events = async (id: string) =>
    ((await stack.api(anna, 'GET', `/api/conversations/${id}/events`)).body as ConversationEventsResponse)
      .events;
  const repliesTo = async (postId: string) =>
    (await simPostsBy(stack.sim, stack.brand.username)).filter((p) => p.in_reply_to === postId);
  /** A customer post and its conversation in the inbox. */
  const customerPost = async (handle: string) => {
    const postId = await simPost(stack.sim, {
      username: handle,
      text: `@${stack.brand.username} Hilfe, ${handle}`,
    });
    const conversation = await waitFor(
      async () =>
        (
          (await stack.api(anna, 'GET', '/api/conversations?status=all')).body as ConversationListResponse
        ).items.find((c) => c.contact.handle === handle),
      { what: `conversation of @${handle}` },
    );
    return { postId, conversationId: conversation.id };
  };
  let keySeq = 0;
  const draft = async (cookie: string, conversationId: string, text: string) => {
    const res = await stack.api(cookie, 'POST', `/api/conversations/${conversationId}/replies`, {
      text,
      idempotencyKey: `approval-key-${++keySeq}`,
    });
    expect(res.status).toBe(202);
    return res.body.message as MessageDto;
  };
  const waitSent = (conversationId: string, messageId: string) =>
    waitFor(
      async () =>
        (await detail(conversationId)).messages.find((m) => m.id === messageId && m.deliveryState === 'sent'),
      // Up to the sweeper's 30 s: on a loaded machine a lost job is re-enqueued from the outbox row.
      { what: 'the approved reply sent', timeoutMs: 45_000 },
    );

  it('exposes who needs approval: guides always, trainees by their flag', async () => {
    expect((await stack.api(gina, 'GET', '/api/me')).body.user).toMatchObject({
      role: 'guide',
      requiresApproval: true,
    });
    expect((await stack.api(anna, 'GET', '/api/me')).body.user.requiresApproval).toBe(false);
  });

  it('stores a guide reply as a draft that is announced but never enqueued, swept or delivered', async () => {
    const { postId, conversationId } = await customerPost('draft_dora');
    const socket = await stack.connectSocket(anna);
    const message = await draft(gina, conversationId, 'Bitte starte den Router neu.');
    expect(message).toMatchObject({
      deliveryState: 'draft',
      text: 'Bitte starte den Router neu.',
      approval: { state: 'pending', byUserId: null, reason: null },
    });
    await waitFor(
      () =>
        socket.events.some(
          (e: RealtimeEvent) =>
            e.type === 'message.created' && 'messageId' in e && e.messageId === message.id,
        ),
      { what: 'the draft announced live' },
    );
    // The sweeper's query never returns a draft, however old.
    const stale = await listStaleOutbox(stack.core.db, 0, 0);
    expect(stale.map((r) => r.id)).not.toContain(message.id);
    // A stray outbound job for it posts nothing.
    const outcome = await deliverReply(
      { db: stack.core.db, adapters: stack.core.adapters, logger: stack.core.logger },
      message.id,
      { finalAttempt: true },
    );
    expect(outcome).toEqual({ kind: 'skipped', state: 'draft' });
    expect(await repliesTo(postId)).toHaveLength(0);
    const stored = (await detail(conversationId)).messages.find((m) => m.id === message.id);
    expect(stored?.deliveryState).toBe('draft');
    expect((await detail(conversationId)).firstResponseAt).toBeNull();
    // Figures stay honest: a draft is no reply in the customer's profile either.
    const contactId = (await detail(conversationId)).contact.id;
    const profile = (await stack.api(anna, 'GET', `/api/contacts/${contactId}`)).body;
    expect(profile.conversations[0].messageCounts).toMatchObject({ inbound: 1, outbound: 0 });

    const pending = (await stack.api(anna, 'GET', '/api/messages/drafts')).body as PendingDraftListResponse;
    expect(pending.items.map((d) => d.messageId)).toContain(message.id);
    expect(pending.items.find((d) => d.messageId === message.id)).toMatchObject({
      authorName: 'Gina Rossi',
      conversationId,
    });
    expect((await stack.api(gina, 'GET', '/api/messages/drafts')).status).toBe(403);

    const audit = (await events(conversationId)).filter((e) => e.type === 'reply.drafted');
    expect(audit).toEqual([
      expect.objectContaining({
        actorName: 'Gina Rossi',
        data: expect.objectContaining({ messageId: message.id }),
      }),
    ]);
    // Still a draft: nothing was queued for it.
    expect((await events(conversationId)).some((e) => e.type === 'reply.queued')).toBe(false);
  });

  it('keeps the reply limits for drafts', async () => {
    const { conversationId } = await customerPost('long_lotte');
    const res = await stack.api(gina, 'POST', `/api/conversations/${conversationId}/replies`, {
      text: 'x'.repeat(400),
      idempotencyKey: 'approval-too-long-1',
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('too_long');
  });

  it('refuses approval by a guide and by the author, and lets two concurrent approvers post it exactly once', async () => {
    const { postId, conversationId } = await customerPost('twice_tom');
    const message = await draft(gina, conversationId, 'Wir prüfen das sofort.');

    const byGuide = await stack.api(gina, 'POST', `/api/messages/${message.id}/approve`, {});
    expect(byGuide.status).toBe(403);
    // A trainee agent may not approve either.
    await stack.core.db('users').where({ id: ids.ben }).update({ needs_approval: true });
    try {
      expect((await stack.api(ben, 'POST', `/api/messages/${message.id}/approve`, {})).status).toBe(403);
    } finally {
      await stack.core.db('users').where({ id: ids.ben }).update({ needs_approval: false });
    }

    const [first, second] = await Promise.all([
      stack.api(anna, 'POST', `/api/messages/${message.id}/approve`, {}),
      stack.api(lea, 'POST', `/api/messages/${message.id}/approve`, {}),
    ]);
    expect([first.status, second.status].sort()).toEqual([202, 409]);
    const winner = first.status === 202 ? first : second;
    const loser = first.status === 202 ? second : first;
    expect(loser.body.error.code).toBe('draft_decided');
    const approver =
      winner === first ? { name: 'Anna Berger', initials: 'AB' } : { name: 'Lea Schmidt', initials: 'LS' };
    expect(winner.body.message).toMatchObject({
      deliveryState: 'queued',
      text: `Wir prüfen das sofort. ^${approver.initials}`,
      approval: { state: 'approved', byName: approver.name },
    });

    const sent = await waitSent(conversationId, message.id);
    const posted = await repliesTo(postId);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.text).toContain(`Wir prüfen das sofort. ^${approver.initials}`);
    expect(sent.externalId).toBe(posted[0]!.id);
    // Approving again after it was sent changes nothing.
    expect((await stack.api(lea, 'POST', `/api/messages/${message.id}/approve`, {})).status).toBe(409);

    const audit = await events(conversationId);
    const approvals = audit.filter((e) => e.type === 'reply.approved');
    expect(approvals).toHaveLength(1);
    expect(approvals[0]).toMatchObject({
      actorName: approver.name,
      data: { messageId: message.id, edited: false },
    });
    expect(audit.map((e) => e.type)).toEqual(
      expect.arrayContaining(['reply.drafted', 'reply.approved', 'reply.sent']),
    );

    const notifications = (await stack.api(gina, 'GET', '/api/notifications'))
      .body as NotificationListResponse;
    const mine = notifications.items.filter(
      (n) => n.kind === 'approval' && n.conversationId === conversationId,
    );
    expect(mine).toEqual([
      expect.objectContaining({ actorName: approver.name, approval: { outcome: 'approved', reason: null } }),
    ]);
  });

  it('refuses approval of a draft by its own author (a trainee agent)', async () => {
    const { postId, conversationId } = await customerPost('self_sam');
    await stack.core.db('users').where({ id: ids.ben }).update({ needs_approval: true });
    let message: MessageDto;
    try {
      message = await draft(ben, conversationId, 'Ich kümmere mich.');
      expect(message.deliveryState).toBe('draft');
    } finally {
      await stack.core.db('users').where({ id: ids.ben }).update({ needs_approval: false });
    }
    // No longer a trainee, still not allowed to approve their own draft.
    const own = await stack.api(ben, 'POST', `/api/messages/${message.id}/approve`, {});
    expect(own.status).toBe(403);
    expect(own.body.error.message).toMatch(/own draft/);
    expect((await detail(conversationId)).messages.find((m) => m.id === message.id)?.deliveryState).toBe(
      'draft',
    );
    expect(await repliesTo(postId)).toHaveLength(0);
  });

  it('posts the edited text when approved with an edit, and audits the edit', async () => {
    const { postId, conversationId } = await customerPost('edit_emil');
    const socket = await stack.connectSocket(gina);
    const message = await draft(gina, conversationId, 'Router neu starten bitte');
    const tooLong = await stack.api(lea, 'POST', `/api/messages/${message.id}/approve`, {
      text: 'y'.repeat(400),
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.error.code).toBe('too_long');

    const edited = 'Bitte starte deinen Router einmal neu, dann sollte es wieder gehen.';
    const res = await stack.api(lea, 'POST', `/api/messages/${message.id}/approve`, { text: edited });
    expect(res.status).toBe(202);
    await waitSent(conversationId, message.id);
    const posted = await repliesTo(postId);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.text).toContain(`${edited} ^LS`);
    expect(posted[0]!.text).not.toContain('Router neu starten bitte');

    const audit = await events(conversationId);
    expect(audit.find((e) => e.type === 'reply.edited_on_approval')).toMatchObject({
      actorName: 'Lea Schmidt',
      data: { messageId: message.id, before: 'Router neu starten bitte', after: edited },
    });
    expect(audit.find((e) => e.type === 'reply.approved')).toMatchObject({ data: { edited: true } });
    // The author hears it in their own room.
    await waitFor(
      () => socket.events.some((e) => e.type === 'notification.created' && e.userId === ids.gina),
      {
        what: 'the approval notification to the author',
      },
    );
  });

  it('rejects with a reason: nothing is posted, the author is notified with the reason, and it is final', async () => {
    const { postId, conversationId } = await customerPost('reject_rita');
    const message = await draft(gina, conversationId, 'Das ist nicht unser Problem.');
    expect(
      (await stack.api(anna, 'POST', `/api/messages/${message.id}/reject`, { reason: '  ' })).status,
    ).toBe(400);
    expect(
      (await stack.api(gina, 'POST', `/api/messages/${message.id}/reject`, { reason: 'selbst' })).status,
    ).toBe(403);
    const res = await stack.api(anna, 'POST', `/api/messages/${message.id}/reject`, {
      reason: 'Bitte freundlicher formulieren.',
    });
    expect(res.status).toBe(200);
    expect(res.body.message).toMatchObject({
      deliveryState: 'draft',
      approval: { state: 'rejected', byName: 'Anna Berger', reason: 'Bitte freundlicher formulieren.' },
    });
    expect((await stack.api(lea, 'POST', `/api/messages/${message.id}/approve`, {})).status).toBe(409);

    const thread = await detail(conversationId);
    expect(thread.messages.find((m) => m.id === message.id)?.approval).toMatchObject({
      state: 'rejected',
      byName: 'Anna Berger',
    });
    expect(await repliesTo(postId)).toHaveLength(0);
    const notifications = (await stack.api(gina, 'GET', '/api/notifications'))
      .body as NotificationListResponse;
    expect(
      notifications.items.filter((n) => n.kind === 'approval' && n.conversationId === conversationId),
    ).toEqual([
      expect.objectContaining({
        actorName: 'Anna Berger',
        approval: { outcome: 'rejected', reason: 'Bitte freundlicher formulieren.' },
      }),
    ]);
    const rejected = (await events(conversationId)).filter((e) => e.type === 'reply.rejected');
    expect(rejected).toEqual([
      expect.objectContaining({
        actorName: 'Anna Berger',
        data: expect.objectContaining({ messageId: message.id, reason: 'Bitte freundlicher formulieren.' }),
      }),
    ]);
    const pending = (await stack.api(anna, 'GET', '/api/messages/drafts')).body as PendingDraftListResponse;
    expect(pending.items.map((d) => d.messageId)).not.toContain(message.id);
  });
});
