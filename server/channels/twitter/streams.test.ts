import type { z } from 'zod';
import { type RunningSimulator, startSimulator } from '../../../simulator/server';
import type { InboundItem, StreamCursor, StreamFetch } from '../adapter';
import { ChannelUnavailableError } from '../errors';
import { XApi } from './api';
import { createXClient } from './client';
import { xCreatedPostSchema, xSinceCursorSchema } from './schemas';
import {
  fetchDms,
  fetchMentions,
  fetchSearch,
  MENTIONS_ENDPOINT,
  MENTIONS_REACHABLE,
  OVERLAP_MS,
  type XAccountRef,
} from './streams';

/**
 * The X streams against the simulator, through twitter-api-v2. One fake clock drives both the
 * simulator (creation times, rate-limit windows) and the overlap window of the since_id streams.
 */

const START = Date.UTC(2026, 0, 15, 10, 0, 0);
let nowMs = START;
const clock = {
  now: () => nowMs,
  advance(ms: number) {
    nowMs += ms;
  },
};

let sim: RunningSimulator;
let account: XAccountRef;
let brand: string;

/** An XApi that, once it has had its first answer, makes the simulator fail the next request with a 500. */
class FailSecondRequest extends XApi {
  private answered = 0;

  override async get<S extends z.ZodType>(
    endpoint: string,
    path: string,
    query: Record<string, string | number>,
    schema: S,
  ) {
    const res = await super.get(endpoint, path, query, schema);
    this.answered += 1;
    if (this.answered === 1) await fault(endpoint, '500');
    return res;
  }
}

const client = () => createXClient({ kind: 'oauth2', accessToken: 'sim-x-token' }, sim.url);
const api = () => new XApi(client(), 2_000, clock.now);

async function control<T>(path: string, body?: object): Promise<T> {
  const res = await fetch(`${sim.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const fault = (endpoint: string, kind: string, count = 1) =>
  control('/_sim/faults', { platform: 'x', endpoint, kind, count });

async function post(username: string, text: string): Promise<string> {
  const created = await control<{ id: string }>('/_sim/x/posts', {
    author: { username, name: username },
    text,
  });
  return created.id;
}

async function retweet(username: string, postId: string): Promise<string> {
  const created = await control<{ id: string }>('/_sim/x/posts', {
    author: { username, name: username },
    retweet_of: postId,
  });
  return created.id;
}

const mention = (label: number | string, username = 'kunde') => post(username, `@${brand} Problem ${label}`);

async function mentions(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(await mention(i, `kunde${i % 7}`));
  return ids;
}

async function requests(endpoint: string): Promise<number> {
  const res = await fetch(`${sim.url}/_sim/stats`);
  const stats = (await res.json()) as { x: { requests: Record<string, number> } };
  return stats.x.requests[endpoint] ?? 0;
}

const ids = (fetched: StreamFetch) => fetched.items.map((i) => i.externalId);
const sinceCursor = (cursor: StreamCursor) => xSinceCursorSchema.parse(cursor);

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: clock.now });
  account = { userId: sim.state.brand.id, handle: sim.state.brand.username };
  brand = sim.state.brand.username;
});
beforeEach(async () => {
  nowMs = START;
  await control('/_sim/reset');
});
afterAll(async () => {
  await sim.close();
});

/** The first poll of a new account: the newest mention only, which becomes the cursor. */
async function startMentions(): Promise<{ first: string; cursor: StreamCursor }> {
  const first = await mention('start');
  const start = await fetchMentions(api(), account, null);
  expect(ids(start)).toEqual([first]);
  return { first, cursor: start.cursor };
}

describe('fetchMentions: catching up', () => {
  it('reads a backlog of 250 mentions over three pages and moves the cursor to the newest one', async () => {
    const { cursor } = await startMentions();
    const backlog = await mentions(250);
    clock.advance(30_000);
    const before = await requests(MENTIONS_ENDPOINT);

    const caughtUp = await fetchMentions(api(), account, cursor);

    expect(caughtUp.incomplete).toBeUndefined();
    expect(caughtUp.items).toHaveLength(250);
    expect(new Set(ids(caughtUp))).toEqual(new Set(backlog));
    expect((await requests(MENTIONS_ENDPOINT)) - before).toBe(3);
    expect(caughtUp.reads).toBe(250);
    expect(sinceCursor(caughtUp.cursor).sinceId).toBe(backlog.at(-1));
    expect(caughtUp.gap).toBeUndefined();
  });

  it('when page 2 fails, returns page 1 as incomplete and keeps the old cursor, so the next poll reads everything', async () => {
    const { cursor } = await startMentions();
    const backlog = await mentions(250);
    clock.advance(30_000);

    const broken = await fetchMentions(new FailSecondRequest(client(), 2_000, clock.now), account, cursor);

    expect(broken.incomplete).toBeInstanceOf(ChannelUnavailableError);
    expect(broken.incomplete?.message).toMatch(/500/);
    // Page 1 is the newest hundred.
    expect(ids(broken)).toEqual(backlog.slice(-100).reverse());
    expect(broken.cursor).toEqual(cursor);

    clock.advance(30_000);
    const retried = await fetchMentions(api(), account, broken.cursor);
    expect(retried.incomplete).toBeUndefined();
    expect(new Set(ids(retried))).toEqual(new Set(backlog));
    expect(sinceCursor(retried.cursor).sinceId).toBe(backlog.at(-1));
  });

  it('throws when the very first page fails: there is nothing to return', async () => {
    const { cursor } = await startMentions();
    await mentions(3);
    await fault(MENTIONS_ENDPOINT, '500');
    await expect(fetchMentions(api(), account, cursor)).rejects.toBeInstanceOf(ChannelUnavailableError);
  });

  it(`reads the newest ${MENTIONS_REACHABLE} of 900 new mentions and reports the gap after the cursor`, async () => {
    const { first, cursor } = await startMentions();
    const backlog = await mentions(900);
    clock.advance(60_000);

    const caughtUp = await fetchMentions(api(), account, cursor);

    expect(caughtUp.items).toHaveLength(800);
    expect(new Set(ids(caughtUp))).toEqual(new Set(backlog.slice(100)));
    expect(caughtUp.gap).toEqual({
      newerThanId: first,
      olderThanId: backlog[100],
      note: expect.stringContaining('800'),
    });
    expect(caughtUp.gap?.note).toContain(first);
    expect(sinceCursor(caughtUp.cursor).sinceId).toBe(backlog.at(-1));
  }, 60_000);

  it('reports no gap when only the overlap window holds more than 800 mentions', async () => {
    const { cursor } = await startMentions();
    await mentions(850);
    clock.advance(10_000);
    const first = await fetchMentions(api(), account, cursor);
    expect(first.gap).toBeDefined();
    // A busy account, polled again within the overlap window: everything new is read, no gap.
    const fresh = await mentions(20);
    clock.advance(1_000);
    const second = await fetchMentions(api(), account, first.cursor);
    for (const id of fresh) expect(ids(second)).toContain(id);
    expect(second.gap).toBeUndefined();
    expect(sinceCursor(second.cursor).sinceId).toBe(fresh.at(-1));
  }, 60_000);

  it('reports no gap when fewer than 800 mentions came in', async () => {
    const { cursor } = await startMentions();
    await mentions(120);
    const caughtUp = await fetchMentions(api(), account, cursor);
    expect(caughtUp.items).toHaveLength(120);
    expect(caughtUp.gap).toBeUndefined();
  });
});

describe('fetchMentions: the overlap window', () => {
  it('returns a mention that X showed late, although newer mentions moved since_id past it', async () => {
    const { cursor } = await startMentions();
    // X leaves the next new mention out of the next two listings.
    await fault(MENTIONS_ENDPOINT, 'drop_then_show', 2);
    const late = await mention('late');
    clock.advance(20_000);
    const poll1 = await fetchMentions(api(), account, cursor);
    expect(ids(poll1)).not.toContain(late);

    const newer = await mention('newer');
    clock.advance(20_000);
    const poll2 = await fetchMentions(api(), account, poll1.cursor);
    expect(ids(poll2)).toEqual([newer]);
    expect(sinceCursor(poll2.cursor).sinceId).toBe(newer);
    expect(BigInt(newer)).toBeGreaterThan(BigInt(late));

    clock.advance(20_000);
    const poll3 = await fetchMentions(api(), account, poll2.cursor);
    expect(ids(poll3)).toContain(late);
    expect(sinceCursor(poll3.cursor).sinceId).toBe(newer);
  });

  it('stops re-reading a mention once it is older than the overlap window, and prunes old checkpoints', async () => {
    const { first, cursor } = await startMentions();
    const second = await mention('second');
    clock.advance(10_000);
    const poll1 = await fetchMentions(api(), account, cursor);
    expect(ids(poll1)).toEqual([second]);
    expect(sinceCursor(poll1.cursor).checkpoints).toEqual([
      { id: first, at: START },
      { id: second, at: START + 10_000 },
    ]);

    // Still inside the window: read again (a harmless duplicate for ingest).
    clock.advance(10_000);
    const poll2 = await fetchMentions(api(), account, poll1.cursor);
    expect(ids(poll2)).toEqual([second]);

    // The position of 10 s after the start is now older than the window: it is the since_id.
    clock.advance(OVERLAP_MS);
    const poll3 = await fetchMentions(api(), account, poll2.cursor);
    expect(ids(poll3)).toEqual([]);
    expect(sinceCursor(poll3.cursor).sinceId).toBe(second);

    // Long after, only the newest checkpoint older than the window is kept.
    clock.advance(3 * OVERLAP_MS);
    const poll4 = await fetchMentions(api(), account, poll3.cursor);
    expect(ids(poll4)).toEqual([]);
    expect(sinceCursor(poll4.cursor).checkpoints).toEqual([{ id: second, at: START + 10_000 }]);

    const third = await mention('third');
    clock.advance(5_000);
    const poll5 = await fetchMentions(api(), account, poll4.cursor);
    expect(ids(poll5)).toEqual([third]);
  });

  // Under steady load the anchor checkpoint older than the window must survive pruning.
  it('re-reads a mention shown late within the overlap window, even on an account polled every 5 s', async () => {
    let { cursor } = await startMentions();
    const seen = new Set<string>();
    const poll = async () => {
      const fetched = await fetchMentions(api(), account, cursor);
      for (const id of ids(fetched)) seen.add(id);
      cursor = fetched.cursor;
    };
    for (let i = 0; i < 6; i++) {
      clock.advance(5_000);
      await mention(`warm-up ${i}`);
      await poll();
    }

    const late = await mention('late');
    // Hidden from the next 21 listings (polls 5 s apart): X shows it 110 s after it was posted,
    // inside the 120 s overlap window.
    await fault(MENTIONS_ENDPOINT, 'drop_then_show', 21);
    clock.advance(5_000);
    await poll();
    for (let i = 0; i < 21; i++) {
      clock.advance(5_000);
      await mention(`busy ${i}`);
      await poll();
    }

    expect(seen.has(late)).toBe(true);
  }, 30_000);
});

describe('fetchSearch', () => {
  it('finds a post naming the brand without @, but not retweets of it or the brand’s own posts', async () => {
    const customer = await post('kunde1', 'Bei Telekom geht seit heute Morgen nichts mehr');
    const rt = await retweet('kunde2', customer);
    await post('kunde3', 'Das Wetter in Berlin ist schön');
    const own = await api().post(
      'POST /2/tweets',
      'tweets',
      { text: 'Telekom hilft: Die Störung in Berlin ist behoben ^AB' },
      xCreatedPostSchema,
    );

    const found = await fetchSearch(api(), account, 'telekom', null);

    expect(ids(found)).toEqual([customer]);
    expect(ids(found)).not.toContain(rt);
    expect(ids(found)).not.toContain(own.body.data.id);
    expect(found.items[0]).toMatchObject({
      channel: 'public',
      fromAccount: false,
      author: { handle: 'kunde1' },
    });
  });

  it('pages with next_token through more than one page of new results', async () => {
    await post('kunde1', 'telekom Anfang');
    const start = await fetchSearch(api(), account, 'telekom', null);
    const fresh: string[] = [];
    for (let i = 0; i < 130; i++) fresh.push(await post(`kunde${i % 5}`, `telekom Ausfall ${i}`));
    clock.advance(30_000);

    const next = await fetchSearch(api(), account, 'telekom', start.cursor);

    expect(next.incomplete).toBeUndefined();
    expect(new Set(ids(next))).toEqual(new Set(fresh));
    expect(sinceCursor(next.cursor).sinceId).toBe(fresh.at(-1));
  });
});

describe('fetchDms', () => {
  const dm = (from: string, text: string, to?: string) =>
    control<{ id: string; dm_conversation_id: string }>('/_sim/x/dms', {
      from: { username: from, name: from },
      text,
      ...(to ? { to } : {}),
    });
  const byId = (items: InboundItem[], id: string) => items.find((i) => i.externalId === id)!;

  it('returns customer DMs and a DM the brand sent once; the returned cursor then yields nothing new', async () => {
    const fromLena = await dm('lena', 'Hallo, mein Vertrag wurde doppelt abgebucht');
    const fromJan = await dm('jan', 'Kein Internet seit gestern');
    const answer = await dm(brand, 'Hallo Lena, wir schauen uns das an ^AB', 'lena');
    const lenaId = sim.state.userByUsername('lena')!.id;

    const first = await fetchDms(api(), account, null);

    expect(ids(first)).toEqual([answer.id, fromJan.id, fromLena.id]);
    expect(byId(first.items, fromLena.id)).toMatchObject({
      threadKey: `dm:${fromLena.dm_conversation_id}`,
      fromAccount: false,
      channel: 'dm',
      text: 'Hallo, mein Vertrag wurde doppelt abgebucht',
      author: { handle: 'lena' },
      createdAt: new Date(START).toISOString(),
      context: { counterpartId: lenaId },
    });
    expect(byId(first.items, answer.id)).toMatchObject({
      threadKey: `dm:${fromLena.dm_conversation_id}`,
      fromAccount: true,
      context: { counterpartId: lenaId },
    });
    expect(byId(first.items, fromJan.id).threadKey).not.toBe(byId(first.items, fromLena.id).threadKey);
    expect(first.cursor).toEqual({ newestId: answer.id });

    clock.advance(60_000);
    const again = await fetchDms(api(), account, first.cursor);
    expect(again.items).toEqual([]);
    expect(again.cursor).toEqual(first.cursor);

    const followUp = await dm('jan', 'Hallo??');
    clock.advance(60_000);
    const next = await fetchDms(api(), account, again.cursor);
    expect(ids(next)).toEqual([followUp.id]);
    expect(next.cursor).toEqual({ newestId: followUp.id });
  });

  it('pages back through more than a page of new DMs until it reaches the cursor, each DM once', async () => {
    await dm('lena', 'erste Nachricht');
    const start = await fetchDms(api(), account, null);
    const fresh: string[] = [];
    for (let i = 0; i < 130; i++) fresh.push((await dm(`kunde${i % 9}`, `Nachricht ${i}`)).id);
    clock.advance(60_000);

    const next = await fetchDms(api(), account, start.cursor);

    expect(next.items).toHaveLength(130);
    expect(new Set(ids(next))).toEqual(new Set(fresh));
    expect(next.cursor).toEqual({ newestId: fresh.at(-1) });
    expect((await fetchDms(api(), account, next.cursor)).items).toEqual([]);
  });
});
