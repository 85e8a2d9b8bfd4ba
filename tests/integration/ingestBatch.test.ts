import type { Knex } from 'knex';
import type { InboundItem } from '../../server/channels/adapter';
import { ingestInboundBatch, ingestInboundItem } from '../../server/services/ingestInboundBatch';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

/**
 * A batch (one transaction, set-based runs of public posts) must leave exactly what ingesting the same
 * items one by one leaves: conversations, messages, audit events, SLA fields and metric rollups.
 */
describe('batched ingest', () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const d of databases) await d.drop();
  });

  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
  const item = (n: number, o: Partial<InboundItem> & { user: string; thread: string }): InboundItem => ({
    externalId: `p${n}`,
    threadKey: o.thread,
    channel: o.channel ?? 'public',
    text: o.text ?? `post ${n}`,
    author: {
      platformUserId: o.user,
      handle: o.user,
      name: o.author?.name ?? `User ${o.user}`,
      avatarUrl: null,
      followersCount: 10,
      verified: false,
    },
    fromAccount: false,
    inReplyToExternalId: null,
    createdAt: o.createdAt ?? at(30 - n),
    context: { media: [], entities: null, quoted: null, url: null },
    raw: { n },
    ...(o.lang ? { lang: o.lang } : {}),
  });
  // Two threads with a follow-up in the first (a repeated thread ends a set-based run), a DM from the
  // first customer (joins her open conversation), a customer writing twice, a renamed author.
  const ITEMS: InboundItem[] = [
    item(1, { user: 'u1', thread: 't1', lang: 'de' }),
    item(2, { user: 'u2', thread: 't2' }),
    item(3, { user: 'u1', thread: 't1', text: 'follow-up' }),
    item(4, { user: 'u3', thread: 't3', author: { name: '' } as InboundItem['author'] }),
    item(5, { user: 'u1', thread: 'dm-u1', channel: 'dm', text: 'private detail' }),
    item(6, { user: 'u2', thread: 't4', lang: 'en' }),
  ];

  async function seed(): Promise<{ db: Knex; ids: string[] }> {
    const database = await createTestDatabase();
    databases.push(database);
    const { db } = database;
    const [account] = await db('channel_accounts')
      .insert({ platform: 'x', handle: 'brand', external_user_id: '42', status: 'active' })
      .returning('id');
    // A conversation resolved earlier in thread t2: the new post reopens it.
    const [contact] = await db('contacts')
      .insert({ platform: 'x', platform_user_id: 'u2', handle: 'u2', name: 'Old name' })
      .returning('id');
    await db('conversations').insert({
      channel_account_id: account.id,
      contact_id: contact.id,
      thread_key: 't2',
      status: 'resolved',
    });
    const rows = await db('inbound_items')
      .insert(ITEMS.map((i) => ({ channel_account_id: account.id, external_id: i.externalId, item: i })))
      .returning('id');
    return { db, ids: rows.map((r: { id: number }) => String(r.id)) };
  }

  async function snapshot(db: Knex) {
    const conversations = await db('conversations as c')
      .join('contacts as k', 'k.id', 'c.contact_id')
      .orderBy('c.thread_key')
      .select(
        'c.thread_key',
        'c.status',
        'c.snippet',
        'c.language',
        'c.version',
        'c.first_inbound_at',
        'c.last_inbound_at',
        'c.waiting_since',
        'c.sla_target',
        'c.sla_started_at',
        'c.sla_due_at',
        'k.platform_user_id',
        'k.name',
      );
    const messages = await db('messages as m')
      .join('conversations as c', 'c.id', 'm.conversation_id')
      .orderBy('m.external_id')
      .select('m.external_id', 'c.thread_key', 'm.text', 'm.channel');
    const events = await db('conversation_events as e')
      .join('conversations as c', 'c.id', 'e.conversation_id')
      .orderBy(['c.thread_key', 'e.id'])
      .select('c.thread_key', 'e.type');
    const rollups = await db('response_metric_rollups')
      .whereNot('dim', 'account')
      .orderBy(['dim', 'metric', 'period', 'day', 'dim_value', 'bucket'])
      .select('dim', 'metric', 'period', 'dim_value', 'bucket', 'n');
    const processed = await db('inbound_items').whereNull('processed_at').count<{ c: number }[]>({ c: '*' });
    return { conversations, messages, events, rollups, unprocessed: Number(processed[0]?.c) };
  }

  it('leaves exactly what ingesting the items one by one leaves, and skips what it already did', async () => {
    const one = await seed();
    for (const id of one.ids) await ingestInboundItem(one.db, id);
    const batch = await seed();
    const outcomes = await ingestInboundBatch(batch.db, batch.ids);

    expect([...outcomes.values()].map((o) => o.kind)).toEqual(ITEMS.map(() => 'ingested'));
    const expected = await snapshot(one.db);
    const actual = await snapshot(batch.db);
    // Timestamps of the two runs differ by the seconds between them: compare them as present or not.
    const shape = (s: Awaited<ReturnType<typeof snapshot>>) => ({
      ...s,
      conversations: s.conversations.map((c) => ({
        ...c,
        first_inbound_at: c.first_inbound_at?.toISOString(),
        last_inbound_at: c.last_inbound_at?.toISOString(),
        waiting_since: c.waiting_since?.toISOString(),
        sla_started_at: c.sla_started_at?.toISOString(),
        sla_due_at: c.sla_due_at === null ? null : 'set',
      })),
    });
    expect(shape(actual)).toEqual(shape(expected));
    expect(actual.unprocessed).toBe(0);
    expect(actual.conversations.map((c) => c.thread_key)).toEqual(['t1', 't2', 't3', 't4']);
    expect(actual.messages.find((m) => m.external_id === 'p5')?.thread_key).toBe('t1');
    expect(actual.rollups.length).toBeGreaterThan(0);

    // Again, and one by one: nothing changes.
    const again = await ingestInboundBatch(batch.db, batch.ids);
    expect([...again.values()].every((o) => o.kind === 'already_processed')).toBe(true);
    expect(await snapshot(batch.db)).toEqual(actual);
  });
});
