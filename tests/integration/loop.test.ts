import type { ConversationListResponse, ConversationResponse } from '../../common/types';
import { createTestDatabase } from '../helpers/db';
import {
  brandPosts,
  postCustomer,
  type QueueBackendKind,
  type Stack,
  startStack,
  waitFor,
} from '../helpers/stack';
import { testEnv } from '../helpers/testEnv';

const backends: Array<{ kind: QueueBackendKind; available: boolean }> = [
  { kind: 'postgres', available: true },
  { kind: 'redis', available: Boolean(process.env.CAREDESK_TEST_REDIS_URL) },
];

for (const backend of backends) {
  const run = backend.available ? describe : describe.skip;
  run(
    `the mention-to-reply loop on BullMQ's ${backend.kind} backend${backend.available ? '' : ' (skipped: Redis not available)'}`,
    () => {
      let stack: Stack;
      let cookie: string;

      beforeAll(async () => {
        stack = await startStack({ queue: backend.kind, redisUrl: testEnv().redisUrl, pollEveryMs: 1000 });
        cookie = await stack.login();
      });
      afterAll(async () => {
        await stack?.close();
      });

      const listOpen = async () =>
        (await stack.api(cookie, 'GET', '/api/conversations?status=open')).body as ConversationListResponse;
      const detail = async (id: string) =>
        (await stack.api(cookie, 'GET', `/api/conversations/${id}`)).body as ConversationResponse;

      it('turns a mention into a live conversation, threads the follow-up, and posts the reply exactly once', async () => {
        const { events } = await stack.connectSocket(cookie);
        const first = await postCustomer(stack.sim, {
          username: 'jonas_k',
          name: 'Jonas K.',
          text: `@${stack.brand.username} Seit heute Morgen kein Internet in 10115 Berlin`,
        });
        const conversation = await waitFor(
          async () => (await listOpen()).items.find((c) => c.contact.handle === 'jonas_k'),
          { what: 'the conversation in the inbox' },
        );
        expect(conversation.status).toBe('new');
        expect(conversation.snippet).toContain('kein Internet');
        await waitFor(
          () => events.find((e) => e.type === 'conversation.created' && e.conversationId === conversation.id),
          {
            what: 'the conversation.created socket event',
          },
        );

        const followUp = await postCustomer(stack.sim, {
          username: 'jonas_k',
          name: 'Jonas K.',
          text: `@${stack.brand.username} Router blinkt rot, falls das hilft`,
          inReplyTo: first,
        });
        await waitFor(async () => (await detail(conversation.id)).conversation.messages.length === 2, {
          what: 'the follow-up in the same conversation',
        });
        expect((await listOpen()).items.filter((c) => c.contact.handle === 'jonas_k')).toHaveLength(1);

        const cursor = await stack.core
          .db('channel_accounts')
          .where({ id: stack.channelAccountId })
          .first('poll_cursor');
        expect(cursor.poll_cursor.mentions.sinceId).toBe(followUp);

        const reply = {
          text: 'Das tut uns leid! Wir prüfen die Störung in 10115.',
          idempotencyKey: 'reply-key-0001',
        };
        const created = await stack.api(
          cookie,
          'POST',
          `/api/conversations/${conversation.id}/replies`,
          reply,
        );
        expect(created.status).toBe(202);
        expect(created.body.message.deliveryState).toBe('queued');
        expect(created.body.message.text).toBe(`${reply.text} ^AB`);
        const again = await stack.api(cookie, 'POST', `/api/conversations/${conversation.id}/replies`, reply);
        expect(again.status).toBe(200);
        expect(again.body.message.id).toBe(created.body.message.id);

        const sent = await waitFor(
          async () =>
            (await detail(conversation.id)).conversation.messages.find(
              (m) => m.id === created.body.message.id && m.deliveryState === 'sent',
            ),
          { what: 'the reply to be sent' },
        );
        const posted = (await brandPosts(stack.sim)).filter((p) => p.in_reply_to === followUp);
        expect(posted).toHaveLength(1);
        expect(posted[0]!.text).toBe(`${reply.text} ^AB`);
        expect(sent.externalId).toBe(posted[0]!.id);
        await waitFor(() => events.find((e) => e.type === 'message.updated' && e.messageId === sent.id), {
          what: 'the message.updated socket event',
        });
        const after = (await detail(conversation.id)).conversation;
        expect(after.status).toBe('pending');
        expect(after.firstResponseAt).not.toBeNull();
      });

      it('retries a send that failed with a 5xx and still posts it once', async () => {
        const post = await postCustomer(stack.sim, {
          username: 'mia_w',
          name: 'Mia W.',
          text: `@${stack.brand.username} Rechnung doppelt abgebucht?`,
        });
        const conversation = await waitFor(
          async () => (await listOpen()).items.find((c) => c.contact.handle === 'mia_w'),
          { what: 'the conversation' },
        );
        await fetch(`${stack.sim.url}/_sim/faults`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ platform: 'x', endpoint: 'POST /2/tweets', kind: '500', count: 1 }),
        });
        const created = await stack.api(cookie, 'POST', `/api/conversations/${conversation.id}/replies`, {
          text: 'Wir schauen uns die Buchung an.',
          idempotencyKey: 'reply-key-0002',
        });
        expect(created.status).toBe(202);
        await waitFor(
          async () =>
            (await detail(conversation.id)).conversation.messages.find(
              (m) => m.id === created.body.message.id && m.deliveryState === 'sent',
            ),
          { what: 'the reply to be sent after the retry', timeoutMs: 30_000 },
        );
        expect((await brandPosts(stack.sim)).filter((p) => p.in_reply_to === post)).toHaveLength(1);
      });

      it('refuses a reply that is too long for X, counting the signature', async () => {
        const all = (await stack.api(cookie, 'GET', '/api/conversations?status=all'))
          .body as ConversationListResponse;
        const conversation = all.items[0]!;
        const res = await stack.api(cookie, 'POST', `/api/conversations/${conversation.id}/replies`, {
          text: 'x'.repeat(277),
          idempotencyKey: 'reply-key-0003',
        });
        expect(res.status).toBe(422);
        expect(res.body.error).toMatchObject({ code: 'too_long', field: 'text' });
      });
    },
  );
}

describe('schema migrations', () => {
  it('migrate up, down and up again', async () => {
    const { migrateLatest, migrateRollbackAll } = await import('../../server/db/migrate');
    const { migrations } = await import('../../migrations');
    const database = await createTestDatabase();
    try {
      // The test database is a copy of the migrated template: roll back, then up again.
      const down = await migrateRollbackAll(database.db);
      expect(down).toHaveLength(migrations.length);
      const tables = await database.db.raw(
        "select count(*)::int as n from pg_tables where schemaname = 'public' and tablename not like 'knex%'",
      );
      expect(tables.rows[0].n).toBe(0);
      const up = await migrateLatest(database.db);
      expect(up).toEqual(migrations.map((m) => m.name));
    } finally {
      await database.drop();
    }
  });
});

describe('failed replies', () => {
  let stack: Stack;
  let cookie: string;
  beforeAll(async () => {
    stack = await startStack({ queue: 'postgres', pollEveryMs: 1000 });
    cookie = await stack.login('ben@demo.caredesk');
  });
  afterAll(async () => {
    await stack?.close();
  });

  const conversationFor = async (handle: string) =>
    waitFor(
      async () =>
        (
          (await stack.api(cookie, 'GET', '/api/conversations?status=all')).body as ConversationListResponse
        ).items.find((c) => c.contact.handle === handle),
      { what: `the conversation of @${handle}` },
    );
  const messageOf = async (conversationId: string, messageId: string) =>
    (
      (await stack.api(cookie, 'GET', `/api/conversations/${conversationId}`)).body as ConversationResponse
    ).conversation.messages.find((m) => m.id === messageId);

  it('marks a reply to a deleted post failed with the platform reason, never silently', async () => {
    const post = await postCustomer(stack.sim, {
      username: 'del_user',
      name: 'Del',
      text: `@${stack.brand.username} hallo`,
    });
    const conversation = await conversationFor('del_user');
    expect((await fetch(`${stack.sim.url}/_sim/x/posts/${post}`, { method: 'DELETE' })).status).toBe(204);
    const created = await stack.api(cookie, 'POST', `/api/conversations/${conversation.id}/replies`, {
      text: 'Wie können wir helfen?',
      idempotencyKey: 'failed-key-0001',
    });
    const failed = await waitFor(async () => {
      const m = await messageOf(conversation.id, created.body.message.id);
      return m?.deliveryState === 'failed' ? m : null;
    });
    expect(failed.deliveryError).toMatch(/post is gone.*deleted or not visible/);
    expect((await brandPosts(stack.sim)).filter((p) => p.in_reply_to === post)).toHaveLength(0);
  });

  it('fails after the last attempt on repeated 5xx, then a retry posts it exactly once', async () => {
    const post = await postCustomer(stack.sim, {
      username: 'retry_user',
      name: 'Re',
      text: `@${stack.brand.username} DSL weg`,
    });
    const conversation = await conversationFor('retry_user');
    await fetch(`${stack.sim.url}/_sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'x', endpoint: 'POST /2/tweets', kind: '500', count: 2 }),
    });
    const created = await stack.api(cookie, 'POST', `/api/conversations/${conversation.id}/replies`, {
      text: 'Wir prüfen die Leitung.',
      idempotencyKey: 'failed-key-0002',
    });
    const failed = await waitFor(async () => {
      const m = await messageOf(conversation.id, created.body.message.id);
      return m?.deliveryState === 'failed' ? m : null;
    });
    expect(failed.deliveryError).toMatch(/X answered 500/);
    const notFailed = await stack.api(cookie, 'POST', `/api/messages/${conversation.id}/retry`);
    expect(notFailed.status).toBe(404);
    const retried = await stack.api(cookie, 'POST', `/api/messages/${failed.id}/retry`);
    expect(retried.status).toBe(202);
    expect(retried.body.message.deliveryState).toBe('queued');
    await waitFor(async () => (await messageOf(conversation.id, failed.id))?.deliveryState === 'sent', {
      what: 'the retried reply to be sent',
    });
    expect((await brandPosts(stack.sim)).filter((p) => p.in_reply_to === post)).toHaveLength(1);
    const again = await stack.api(cookie, 'POST', `/api/messages/${failed.id}/retry`);
    expect(again.status).toBe(409);
  });
});
