import type { Knex } from 'knex';
import request from 'supertest';
import type { ConversationListResponse, SearchResponse } from '../../common/types';
import { createApp } from '../../server/app';
import type { AdapterProvider } from '../../server/channels/adapterProvider';
import { createLogger } from '../../server/logger';
import type { OutboundEnqueuer } from '../../server/queues/producers';
import { seedDemoUsers } from '../../server/runtime/users';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

/** Full-text search (GET /api/search) against a real PostgreSQL with the search migration applied. */
describe('search', () => {
  let database: TestDatabase;
  let db: Knex;
  let agent: ReturnType<typeof request.agent>;
  let accountId: string;
  let seq = 0;

  async function conversation(
    contact: { name: string; handle: string },
    texts: string[],
    opts: { updatedAt?: Date; messageAt?: (i: number) => Date } = {},
  ): Promise<string> {
    seq += 1;
    const [ct] = await db('contacts')
      .insert({ platform: 'x', platform_user_id: `u${seq}`, handle: contact.handle, name: contact.name })
      .returning('id');
    const updatedAt = opts.updatedAt ?? new Date();
    const [conv] = await db('conversations')
      .insert({
        channel_account_id: accountId,
        contact_id: ct.id,
        thread_key: `t${seq}`,
        status: 'open',
        snippet: texts[texts.length - 1] ?? '',
        updated_at: updatedAt,
      })
      .returning('id');
    for (const [i, text] of texts.entries()) {
      const at = opts.messageAt?.(i) ?? new Date(updatedAt.getTime() - (texts.length - i) * 1000);
      await db('messages').insert({
        conversation_id: conv.id,
        channel_account_id: accountId,
        direction: 'inbound',
        external_id: `m${seq}-${i}`,
        author_name: contact.name,
        author_handle: contact.handle,
        text,
        created_at: at,
      });
    }
    return conv.id as string;
  }

  const search = async (q: string, extra: Record<string, string> = {}) => {
    const res = await agent
      .get('/api/search')
      .query({ q, ...extra })
      .set('X-Caredesk-Request', '1');
    expect(res.status).toBe(200);
    return res.body as SearchResponse;
  };
  const hitIds = (body: SearchResponse) => body.conversations.map((h) => h.conversation.id);
  const marked = (hit: SearchResponse['conversations'][number]) =>
    hit.snippet.highlights.map((h) => hit.snippet.text.slice(h.start, h.end));

  let rechnung: string;
  let billed: string;
  let oldOne: string;
  let html: string;
  let threeHits: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    await seedDemoUsers(db);
    const [acc] = await db('channel_accounts')
      .insert({ platform: 'x', handle: 'acme_help', external_user_id: 'brand-1' })
      .returning('id');
    accountId = acc.id;
    const app = createApp({
      db,
      queues: {} as OutboundEnqueuer,
      adapters: (() => {
        throw new Error('no adapters in this test');
      }) as AdapterProvider,
      pingQueue: () => Promise.resolve(),
      logger: createLogger('silent'),
      sessionTtlMs: 3600_000,
      secureCookies: false,
      clientDir: null,
    });
    agent = request.agent(app);
    const login = await agent
      .post('/api/auth/login')
      .set('X-Caredesk-Request', '1')
      .send({ email: 'anna@demo.caredesk', password: 'caredesk-demo' });
    expect(login.status).toBe(200);

    rechnung = await conversation({ name: 'Greta Vogel', handle: 'greta_v' }, [
      'Hallo, die letzte Rechnung ist viel zu hoch.',
    ]);
    billed = await conversation({ name: 'James Wilson', handle: 'jwilson' }, [
      'Hi, I was billed twice for October!',
    ]);
    html = await conversation({ name: 'Mallory', handle: 'mallory' }, [
      'Hallo <script>alert(1)</script> Kündigung <b>sofort</b> &amp; <img src=x onerror=alert(2)>',
    ]);
    threeHits = await conversation({ name: 'Olaf Störmer', handle: 'olaf_st' }, [
      'Router blinkt rot',
      'Der Router blinkt immer noch rot, Router neu gestartet',
      'Router geht wieder',
    ]);
    // 55 newer conversations fill the first list page; the old one is only on a later page.
    oldOne = await conversation(
      { name: 'Zoë Hartmann', handle: 'zoe_hart' },
      ['Wo bleibt meine Glasfaser?'],
      {
        updatedAt: new Date(Date.now() - 10 * 86_400_000),
      },
    );
    for (let i = 0; i < 55; i++) {
      await conversation({ name: `Filler ${i}`, handle: `filler_${i}` }, [`Frage Nummer ${i} zum Tarif`], {
        updatedAt: new Date(Date.now() - i * 60_000),
      });
    }
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('finds "Rechnung" when searching the German plural "Rechnungen", with the word marked', async () => {
    const body = await search('Rechnungen');
    expect(hitIds(body)).toEqual([rechnung]);
    expect(marked(body.conversations[0]!)).toEqual(['Rechnung']);
    expect(body.conversations[0]!.conversation.contact.name).toBe('Greta Vogel');
  });

  it('stems English too: "billing" and "bill" find "billed"', async () => {
    for (const q of ['billing', 'bill', 'billed']) {
      const body = await search(q);
      expect(hitIds(body)).toEqual([billed]);
      expect(marked(body.conversations[0]!)).toEqual(['billed']);
    }
  });

  it('matches the word still being typed as a prefix', async () => {
    expect(hitIds(await search('Rechn'))).toEqual([rechnung]);
    expect(hitIds(await search('Glasfa'))).toEqual([oldOne]);
  });

  it('finds customers by name and by handle prefix', async () => {
    const byName = await search('Hartmann');
    expect(byName.customers.map((c) => c.contact.handle)).toEqual(['zoe_hart']);
    expect(byName.customers[0]!.latestConversation?.id).toBe(oldOne);
    expect(byName.customers[0]!.conversationCount).toBe(1);
    const byHandle = await search('@zoe_ha');
    expect(byHandle.customers.map((c) => c.contact.name)).toEqual(['Zoë Hartmann']);
    expect((await search('@filler_1')).customers.map((c) => c.contact.handle)).toContain('filler_1');
  });

  it('finds a conversation that is not on the first page of the list', async () => {
    const list = await agent.get('/api/conversations?status=all').set('X-Caredesk-Request', '1');
    expect((list.body as ConversationListResponse).items.map((c) => c.id)).not.toContain(oldOne);
    expect(hitIds(await search('Glasfaser'))).toEqual([oldOne]);
  });

  it('returns one hit per conversation, and pages through the rest with a cursor', async () => {
    expect(hitIds(await search('Router'))).toEqual([threeHits]);
    const first = await search('Tarif', { limit: '20' });
    expect(first.conversations).toHaveLength(20);
    expect(first.nextCursor).not.toBeNull();
    const seen = new Set(hitIds(first));
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await search('Tarif', { limit: '20', cursor });
      expect(page.customers).toEqual([]);
      for (const id of hitIds(page)) {
        expect(seen.has(id)).toBe(false);
        seen.add(id);
      }
      cursor = page.nextCursor;
    }
    expect(seen.size).toBe(55);
  });

  it('returns message text as plain text with offsets, never with markup added', async () => {
    const body = await search('Kündigung');
    expect(hitIds(body)).toEqual([html]);
    const hit = body.conversations[0]!;
    expect(hit.snippet.text).toContain('<script>alert(1)</script>');
    expect(hit.snippet.text).toContain('<b>sofort</b> &amp; <img src=x');
    expect(hit.snippet.text).not.toContain('<b>Kündigung');
    expect(hit.snippet.text).not.toContain(String.fromCharCode(2));
    expect(hit.snippet.text).not.toContain(String.fromCharCode(3));
    expect(marked(hit)).toEqual(['Kündigung']);
  });

  it('answers bad input with a 400 naming the field', async () => {
    const bad = async (query: Record<string, string>, field: string) => {
      const res = await agent.get('/api/search').query(query).set('X-Caredesk-Request', '1');
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'validation_failed', field });
    };
    await bad({}, 'q');
    await bad({ q: '   ' }, 'q');
    await bad({ q: 'x'.repeat(201) }, 'q');
    await bad({ q: 'Rechnung', limit: '0' }, 'limit');
    await bad({ q: 'Rechnung', limit: '51' }, 'limit');
    await bad({ q: 'Rechnung', cursor: 'not-a-cursor' }, 'cursor');
    await bad({ q: 'Rech\u0000nung' }, 'q');
    const twice = await agent.get('/api/search?q=a&q=b').set('X-Caredesk-Request', '1');
    expect(twice.status).toBe(400);
  });

  it('treats search syntax and stop words as text, not as errors', async () => {
    for (const q of ['"', '-', 'or', 'die', '!!! & | :*', "'"]) {
      const res = await agent.get('/api/search').query({ q }).set('X-Caredesk-Request', '1');
      expect(res.status).toBe(200);
    }
    expect(hitIds(await search('Router -rot'))).toEqual([threeHits]);
    expect(hitIds(await search('Rechnung or Kündigung')).sort()).toEqual([rechnung, html].sort());
  });
});
