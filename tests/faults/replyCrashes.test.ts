import type { ConversationListResponse, ConversationResponse, ConversationSummary } from '../../common/types';
import { DELIVERY_STEPS, type DeliveryStep } from '../../server/services/deliverReply';
import { fbActivity, fbComment, fbMessage, fbPagePost } from '../helpers/fbSim';
import { simDm, simDmsWith, simPost, simPostsBy } from '../helpers/sim';
import { type Stack, startStack, waitFor } from '../helpers/stack';

/**
 * Issue 8, fault suite: a crash at every step between "the platform accepted the reply" and "Caredesk
 * recorded it", for every kind of reply Caredesk sends. The crash is an exception thrown by the
 * delivery's `crashAt` hook at that step (the job's attempt dies there, the queue retries it), and
 * the last case crashes at every step of one delivery in turn. The simulator counts what it received.
 */

type Kind = 'x_public' | 'x_dm' | 'fb_comment' | 'fb_private' | 'messenger';
const KINDS: Kind[] = ['x_public', 'x_dm', 'fb_comment', 'fb_private', 'messenger'];
/** One customer (and so one conversation) per kind and case: a step alone, or all of them in turn. */
const CASES: Array<{ name: string; crashes: DeliveryStep[] }> = [
  ...DELIVERY_STEPS.map((s) => ({ name: s, crashes: [s] })),
  { name: 'all', crashes: [...DELIVERY_STEPS] },
];

describe('fault suite: reply crashes', () => {
  let stack: Stack;
  let cookie: string;
  // Crashes still to inject, in order; each is taken by the next delivery that reaches its step.
  let pending: DeliveryStep[] = [];
  const customers = new Map<string, { kind: Kind; name: string }>();
  const started = Date.now();

  beforeAll(async () => {
    stack = await startStack({
      queue: 'postgres',
      pollEveryMs: 500,
      facebook: true,
      // One attempt per injected crash plus the one that succeeds.
      outboundAttempts: DELIVERY_STEPS.length + 2,
      crashAt: (step) => {
        if (pending[0] === step) {
          pending.shift();
          throw new Error(`injected crash at ${step}`);
        }
      },
    });
    cookie = await stack.login();
    // The first read of a Facebook stream starts "from now": wait for it before the customers write.
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
    const pagePost = await fbPagePost(stack.sim, 'Störung im Netz, wir arbeiten daran.');
    for (const kind of KINDS) {
      for (const c of CASES) {
        const key = `${kind}_${c.name}`;
        // X handles: at most 15 characters.
        const name = kind.startsWith('x_')
          ? `${kind.replace('_', '')}${c.name}`.slice(0, 15)
          : `Kunde ${key}`;
        customers.set(key, { kind, name });
        if (kind === 'x_public')
          await simPost(stack.sim, { username: name, text: `@${stack.brand.username} Hilfe` });
        if (kind === 'x_dm') await simDm(stack.sim, { username: name }, 'Bitte melden');
        if (kind === 'fb_comment' || kind === 'fb_private')
          await fbComment(stack.sim, { postId: pagePost, from: name, message: `Frage von ${name}` });
        if (kind === 'messenger') await fbMessage(stack.sim, name, `Nachricht von ${name}`);
      }
    }
    await waitFor(async () => (await list()).length >= customers.size, {
      what: `${customers.size} conversations`,
      timeoutMs: 60_000,
    });
  });
  afterAll(async () => {
    await stack?.close();
    process.stdout.write(`replyCrashes suite took ${Math.round((Date.now() - started) / 1000)} s\n`);
  });

  const list = async () =>
    (
      (await stack.api(cookie, 'GET', '/api/conversations?status=all&limit=200'))
        .body as ConversationListResponse
    ).items;
  const conversationOf = async (name: string): Promise<ConversationSummary> => {
    const found = (await list()).find((c) => c.contact.handle === name || c.contact.name === name);
    if (!found) throw new Error(`no conversation for ${name}`);
    return found;
  };
  const detail = async (id: string) =>
    ((await stack.api(cookie, 'GET', `/api/conversations/${id}`)).body as ConversationResponse).conversation;

  /** What the platform received with this text: posts, DMs, comments, private replies or messages. */
  async function receivedAtSimulator(kind: Kind, name: string, text: string): Promise<number> {
    if (kind === 'x_public')
      return (await simPostsBy(stack.sim, stack.brand.username)).filter((p) => p.text.startsWith(text))
        .length;
    if (kind === 'x_dm')
      return (await simDmsWith(stack.sim, name)).filter(
        (d) => d.sender === stack.brand.username && d.text.startsWith(text),
      ).length;
    const type =
      kind === 'fb_comment' ? 'comment_reply' : kind === 'fb_private' ? 'private_reply' : 'message';
    return (await fbActivity(stack.sim)).filter((a) => a.type === type && a.text?.startsWith(text)).length;
  }

  for (const kind of KINDS) {
    for (const c of CASES) {
      const label = c.name === 'all' ? 'at every step of one delivery in turn' : `at "${c.name}"`;
      it(`${kind}: a crash ${label} between platform accepted and recorded: 0 double posts at the simulator, 0 lost replies`, async () => {
        const { name } = customers.get(`${kind}_${c.name}`)!;
        const conversation = await conversationOf(name);
        const text = `Antwort ${kind} ${c.name} ${conversation.id.slice(0, 8)}`;
        pending = [...c.crashes];
        const res = await stack.api(cookie, 'POST', `/api/conversations/${conversation.id}/replies`, {
          text,
          channel:
            kind === 'x_public' || kind === 'fb_comment'
              ? 'public'
              : kind === 'fb_private'
                ? 'private_reply'
                : 'dm',
          idempotencyKey: `crash-${kind}-${c.name}`,
        });
        expect(res.status).toBe(202);
        const messageId: string = res.body.message.id;
        const settled = await waitFor(
          async () => {
            const m = (await detail(conversation.id)).messages.find((x) => x.id === messageId);
            return m?.deliveryState === 'sent' || m?.deliveryState === 'failed' ? m : null;
          },
          { what: `the ${kind} reply to settle`, timeoutMs: 60_000 },
        );
        // Every injected crash happened, and the reply is recorded as sent…
        expect(pending).toEqual([]);
        expect({ state: settled.deliveryState, error: settled.deliveryError }).toEqual({
          state: 'sent',
          error: null,
        });
        // …exactly once at the platform, under the id the platform gave it.
        expect(await receivedAtSimulator(kind, name, text)).toBe(1);
        expect(settled.externalId).toBeTruthy();
        // The job is done for good: no later retry posts again.
        await new Promise((r) => setTimeout(r, 1500));
        expect(await receivedAtSimulator(kind, name, text)).toBe(1);
      });
    }
  }

  it('after all crashes: every outbox row is sent (0 lost) and each has one reply.sent event', async () => {
    const rows = await stack.core
      .db('messages')
      .where({ direction: 'outbound' })
      .select('id', 'delivery_state');
    expect(rows).toHaveLength(KINDS.length * CASES.length);
    expect(rows.filter((r) => r.delivery_state !== 'sent')).toEqual([]);
    const events = await stack.core.db('conversation_events').where({ type: 'reply.sent' }).select('data');
    const perMessage = new Map<string, number>();
    for (const e of events) perMessage.set(e.data.messageId, (perMessage.get(e.data.messageId) ?? 0) + 1);
    expect([...perMessage.values()].filter((n) => n !== 1)).toEqual([]);
    expect(perMessage.size).toBe(rows.length);
  });
});
