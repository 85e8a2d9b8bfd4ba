import type { Knex } from 'knex';
import type { TestDatabase } from '../../helpers/db';
import { type QueueBackendKind, type Stack, startStack, waitFor } from '../../helpers/stack';

/** startStack plus what the fault tests ask of it: a logged-in agent and counts read from PostgreSQL. */
export interface FaultStack extends Stack {
  db: Knex;
  cookie: string;
  /** Inbound messages stored for the X account. */
  inboundCount(): Promise<number>;
}

export async function startFaultStack(opts: {
  queue: QueueBackendKind;
  redisUrl?: string;
  database?: TestDatabase;
}): Promise<FaultStack> {
  const stack = await startStack({
    queue: opts.queue,
    ...(opts.redisUrl ? { redisUrl: opts.redisUrl } : {}),
    ...(opts.database ? { database: opts.database } : {}),
    // X allows about 100 posts a day; the faults suites send more, and the budget is tested elsewhere.
    accountSettings: { postsPer24h: 100_000 },
    // The production retry policy (6 attempts, 2 s doubling): retries span about a minute, longer than
    // the outages injected here. A test-speed 200 ms backoff burns every attempt within the outage.
    outboundAttempts: 6,
    outboundBackoffMs: 2000,
  });
  const db = stack.core.db;
  // The first read of a stream starts at "now"; after it every new mention must arrive.
  await waitFor(
    async () =>
      (await db('channel_accounts').where({ id: stack.channelAccountId }).first())?.poll_cursor?.mentions !==
      undefined,
    { timeoutMs: 60_000, what: 'the first poll of mentions' },
  );
  return {
    ...stack,
    db,
    cookie: await stack.login(),
    async inboundCount() {
      const [row] = await db('messages')
        .where({ channel_account_id: stack.channelAccountId, direction: 'inbound' })
        .count<{ n: number }[]>({ n: '*' });
      return Number(row?.n ?? 0);
    },
  };
}

/**
 * Replies through the HTTP API to the first `count` conversations of the X account, as they appear,
 * each with a unique text. A request that fails (the server is between two faults) is repeated with the
 * same idempotency key, as the client does. `done` resolves with the outbox message ids.
 */
export function queueReplies(
  stack: FaultStack,
  opts: { count: number; label: string },
): { queued(): number; done: Promise<string[]> } {
  const messageIds: string[] = [];
  const replied = new Set<string>();
  const done = (async () => {
    const deadline = Date.now() + 240_000;
    while (messageIds.length < opts.count) {
      if (Date.now() > deadline) throw new Error(`only ${messageIds.length} replies queued`);
      const conversations: Array<{ id: string }> = await stack.db
        .select('id')
        .from('conversations')
        .where({ channel_account_id: stack.channelAccountId })
        .orderBy('created_at')
        .limit(opts.count)
        .catch(() => []);
      const todo = conversations.filter((c) => !replied.has(c.id)).slice(0, opts.count - messageIds.length);
      if (todo.length === 0) await new Promise((r) => setTimeout(r, 200));
      for (const c of todo) {
        const n = replied.size;
        const text = `${opts.label} reply ${n} to ${c.id}`;
        for (;;) {
          const res = await stack
            .api(stack.cookie, 'POST', `/api/conversations/${c.id}/replies`, {
              text,
              channel: 'public',
              idempotencyKey: `${opts.label}-${c.id}`,
            })
            .catch((error: unknown) => ({ status: 0, body: String(error) }));
          if (res.status === 202 || res.status === 200) {
            messageIds.push(res.body.message.id);
            break;
          }
          if (Date.now() > deadline)
            throw new Error(`reply refused: ${res.status} ${JSON.stringify(res.body)}`);
          await new Promise((r) => setTimeout(r, 250));
        }
        replied.add(c.id);
      }
    }
    return messageIds;
  })();
  return { queued: () => messageIds.length, done };
}
