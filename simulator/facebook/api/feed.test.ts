import request from 'supertest';
import { startSimulator } from '../../server';
import { DAY, FB_TOKEN, fbSetup, ids, isoAgo, PAGE_ID, pathOf, V } from '../testHelpers';

describe('Graph: the Page feed', () => {
  it('lists posts newest first with the fields asked; /feed also has visitor posts, the others do not', async () => {
    const { get, seedPost, clock } = fbSetup();
    const first = await seedPost('Wartungsarbeiten heute Nacht zwischen 1 und 5 Uhr.');
    clock.advance(60_000);
    const visitor = await seedPost('Wann kommt Glasfaser nach Köln?', { from: { name: 'Anna Keller' } });
    clock.advance(60_000);
    const second = await seedPost('Neue Tarife ab 1. Februar');
    const feed = await get(`/${PAGE_ID}/feed`, {
      fields: 'id,message,created_time,updated_time,from,permalink_url,is_hidden,status_type',
    });
    expect(feed.status).toBe(200);
    expect(ids(feed)).toEqual([second, visitor, first]);
    expect(feed.body.data[0]).toEqual({
      id: second,
      message: 'Neue Tarife ab 1. Februar',
      created_time: '2026-01-15T10:02:00+0000',
      updated_time: '2026-01-15T10:02:00+0000',
      from: { id: PAGE_ID, name: 'Demo Hilft' },
      permalink_url: `https://www.facebook.com/${PAGE_ID}/posts/${second.split('_')[1]}`,
      is_hidden: false,
      status_type: 'mobile_status_update',
    });
    expect(feed.body.data[1].from).toEqual({ id: expect.any(String), name: 'Anna Keller' });
    expect(second).toMatch(new RegExp(`^${PAGE_ID}_\\d+$`));
    expect(ids(await get(`/${PAGE_ID}/published_posts`))).toEqual([second, first]);
    expect(ids(await get('/me/posts'))).toEqual([second, first]);
    // No next page: Graph leaves `next` out (and `paging` altogether when nothing is left).
    expect(feed.body.paging.next).toBeUndefined();
  });

  it('updated_time moves when a comment arrives; created_time stays', async () => {
    const { get, seedPost, comment, clock } = fbSetup();
    const post = await seedPost('Neue Tarife');
    clock.advance(3_600_000);
    await comment(post, 'Lena Schmidt', 'Gilt das auch für Bestandskunden?');
    const [listed] = (await get(`/${PAGE_ID}/published_posts`, { fields: 'created_time,updated_time' })).body
      .data;
    expect(listed).toEqual({
      created_time: '2026-01-15T10:00:00+0000',
      updated_time: '2026-01-15T11:00:00+0000',
      id: post,
    });
  });

  it('since and until take unix seconds or dates', async () => {
    const { get, seedPost, clock } = fbSetup();
    const old = await seedPost('alt', { created_time: isoAgo(clock, 3 * DAY) });
    const recent = await seedPost('neu');
    const since = Math.floor((clock.now() - DAY) / 1000);
    expect(ids(await get(`/${PAGE_ID}/feed`, { since }))).toEqual([recent]);
    expect(ids(await get(`/${PAGE_ID}/feed`, { until: isoAgo(clock, DAY) }))).toEqual([old]);
    expect((await get(`/${PAGE_ID}/feed`, { since: 'gestern' })).body.error.code).toBe(100);
  });

  it('nested comments: summary(true).limit(n){fields}', async () => {
    const { get, seedPost, comment, app } = fbSetup();
    const post = await seedPost('Wartungsarbeiten');
    const a = await comment(post, 'Lena Schmidt', 'Wie lange?');
    await comment(post, 'Jan Fischer', 'Schon wieder?');
    await comment(post, 'Lena Schmidt', 'Antwort bitte', { parent_id: a });
    const res = await get(`/${PAGE_ID}/published_posts`, {
      fields: 'id,comments.summary(true).limit(1){id,message}',
    });
    const edge = res.body.data[0].comments;
    expect(edge.data).toEqual([{ id: a, message: 'Wie lange?' }]);
    expect(edge.summary).toEqual({ order: 'chronological', total_count: 2, can_comment: true });
    expect(edge.paging.next).toContain(`/${post}/comments?`);
    // The nested next URL reads the rest of that post's comments, with the same fields.
    const rest = await request(app).get(pathOf(edge.paging.next));
    expect(rest.body.data).toEqual([{ id: expect.any(String), message: 'Schon wieder?' }]);
    expect(rest.body.paging.next).toBeUndefined();
    const unknown = await get(`/${PAGE_ID}/feed`, { fields: 'comments{nope}' });
    expect(unknown.body.error.message).toBe(
      '(#100) Tried accessing nonexisting field (nope) on node type (Comment)',
    );
  });

  it('limit defaults to 25 and stops at 100', async () => {
    const { get, seedPost } = fbSetup();
    for (let i = 0; i < 105; i++) await seedPost(`Post ${i}`);
    expect((await get(`/${PAGE_ID}/feed`)).body.data).toHaveLength(25);
    expect((await get(`/${PAGE_ID}/feed`, { limit: 500 })).body.data).toHaveLength(100);
  });
});

describe('Graph: cursor paging over a real socket', () => {
  it('following `next` literally reads every post once, newest first; the last page has no next', async () => {
    const sim = await startSimulator({ port: 0 });
    try {
      const made: string[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await fetch(`${sim.url}/_sim/facebook/posts`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            message: `Post ${i}`,
            created_time: new Date(Date.now() - (10 - i) * 60_000).toISOString(),
          }),
        });
        made.push(((await res.json()) as { id: string }).id);
      }
      let url: string | undefined = `${sim.url}${V}/${PAGE_ID}/published_posts?limit=3&fields=id,message`;
      const seen: string[] = [];
      const pages: number[] = [];
      let first: { paging: { cursors: { before: string; after: string }; previous?: string } } | undefined;
      while (url) {
        const res = await fetch(url, { headers: { authorization: `Bearer ${FB_TOKEN}` } });
        const body = (await res.json()) as {
          data: Array<{ id: string }>;
          paging: { cursors: { before: string; after: string }; next?: string; previous?: string };
        };
        first ??= body;
        seen.push(...body.data.map((p) => p.id));
        pages.push(body.data.length);
        if (body.paging.next) {
          const next = new URL(body.paging.next);
          expect(next.origin).toBe(sim.url);
          expect(next.pathname).toBe(`${V}/${PAGE_ID}/published_posts`);
          expect(next.searchParams.get('limit')).toBe('3');
          expect(next.searchParams.get('fields')).toBe('id,message');
          expect(next.searchParams.get('access_token')).toBe(FB_TOKEN);
          expect(next.searchParams.get('after')).toBe(body.paging.cursors.after);
        }
        url = body.paging.next;
      }
      expect(seen).toEqual([...made].reverse());
      expect(pages).toEqual([3, 3, 1]);
      expect(first?.paging.previous).toBeUndefined();
    } finally {
      await sim.close();
    }
  });

  it('`before` pages back, and cursors survive posts added meanwhile', async () => {
    const { get, seedPost, clock, app } = fbSetup();
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      made.push(await seedPost(`Post ${i}`));
      clock.advance(1000);
    }
    const page1 = await get(`/${PAGE_ID}/feed`, { limit: 2 });
    expect(ids(page1)).toEqual([made[4], made[3]]);
    await seedPost('ganz neu');
    const page2 = await request(app).get(pathOf(page1.body.paging.next));
    expect(ids(page2)).toEqual([made[2], made[1]]);
    expect(page2.body.paging.previous).toBeDefined();
    const back = await request(app).get(pathOf(page2.body.paging.previous));
    expect(ids(back)).toEqual([made[4], made[3]]);
    expect((await get(`/${PAGE_ID}/feed`, { after: 'bm9wZQ==' })).body.error.code).toBe(100);
  });
});
