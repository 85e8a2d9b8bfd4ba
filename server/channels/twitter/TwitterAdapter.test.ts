import { type RunningSimulator, startSimulator } from '../../../simulator/server';
import {
  ChannelAuthError,
  ChannelRateLimitError,
  ChannelRejectedError,
  ChannelUnavailableError,
} from '../errors';
import { createXClient } from './client';
import { TwitterAdapter } from './TwitterAdapter';

/** The adapter against the simulator, through twitter-api-v2 and the URL-rewrite plugin. */
describe('TwitterAdapter against the X simulator', () => {
  let sim: RunningSimulator;
  let adapter: TwitterAdapter;
  const brand = 'demo_hilft';

  const post = async (body: object) => {
    const res = await fetch(`${sim.url}/_sim/x/posts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return ((await res.json()) as { id: string }).id;
  };
  const fault = (endpoint: string, kind: string, count = 1) =>
    fetch(`${sim.url}/_sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform: 'x', endpoint, kind, count }),
    });

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
  });
  beforeEach(async () => {
    await fetch(`${sim.url}/_sim/reset`, { method: 'POST' });
    const client = createXClient({ kind: 'oauth2', accessToken: 'sim-x-token' }, sim.url);
    adapter = new TwitterAdapter({
      client,
      account: { userId: sim.state.brand.id, handle: sim.state.brand.username },
      requestTimeoutMs: 1500,
    });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('verifies credentials with GET /2/users/me', async () => {
    await expect(adapter.verifyCredentials()).resolves.toEqual({
      externalUserId: sim.state.brand.id,
      handle: brand,
      name: sim.state.brand.name,
    });
  });

  it('pages newest-first back to since_id and moves the cursor to the newest id', async () => {
    const first = await post({ author: { username: 'a1', name: 'A' }, text: `@${brand} eins` });
    const start = await adapter.fetchStream('mentions', null);
    expect(start.items.map((i) => i.externalId)).toEqual([first]);
    expect(start.cursor).toMatchObject({ sinceId: first });

    const ids: string[] = [];
    for (let i = 0; i < 130; i++)
      ids.push(await post({ author: { username: `c${i % 7}`, name: 'C' }, text: `@${brand} n${i}` }));
    const next = await adapter.fetchStream('mentions', start.cursor);
    expect(next.items).toHaveLength(130);
    expect(new Set(next.items.map((i) => i.externalId))).toEqual(new Set(ids));
    expect(next.cursor).toMatchObject({ sinceId: ids[ids.length - 1] });
    expect(next.rateLimits.length).toBe(2);
    expect(next.rateLimits[0]).toMatchObject({ endpoint: 'GET /2/users/:id/mentions' });

    // Nothing new: the overlap window re-reads recent mentions (harmless duplicates), the cursor stays.
    const empty = await adapter.fetchStream('mentions', next.cursor);
    const seen = new Set([first, ...ids]);
    expect(empty.items.every((i) => seen.has(i.externalId))).toBe(true);
    expect(empty.cursor).toMatchObject({ sinceId: ids[ids.length - 1] });
  });

  it('posts a reply and finds it again when reconciling', async () => {
    const target = await post({ author: { username: 'r1', name: 'R' }, text: `@${brand} hilfe` });
    const since = new Date();
    expect(
      await adapter.findPostedReply(
        { channel: 'public' as const, inReplyToExternalId: target },
        'Wir helfen ^AB',
        since,
      ),
    ).toBeNull();
    const posted = await adapter.postReply(
      { channel: 'public' as const, inReplyToExternalId: target },
      'Wir helfen ^AB',
    );
    const found = await adapter.findPostedReply(
      { channel: 'public' as const, inReplyToExternalId: target },
      'Wir helfen ^AB',
      since,
    );
    expect(found?.externalId).toBe(posted.externalId);
  });

  it('maps platform errors to typed channel errors', async () => {
    const target = await post({ author: { username: 'e1', name: 'E' }, text: `@${brand} fehler` });
    await adapter.postReply({ channel: 'public' as const, inReplyToExternalId: target }, 'Gleicher Text ^AB');
    const other = await post({ author: { username: 'e2', name: 'E' }, text: `@${brand} fehler 2` });
    await expect(
      adapter.postReply({ channel: 'public' as const, inReplyToExternalId: other }, 'Gleicher Text ^AB'),
    ).rejects.toMatchObject({
      constructor: ChannelRejectedError,
      reason: 'duplicate',
    });

    await fetch(`${sim.url}/_sim/x/posts/${other}`, { method: 'DELETE' });
    await expect(
      adapter.postReply({ channel: 'public' as const, inReplyToExternalId: other }, 'Neu ^AB'),
    ).rejects.toMatchObject({
      constructor: ChannelRejectedError,
      reason: 'target_gone',
    });

    await fault('GET /2/users/:id/mentions', '429');
    const limited = await adapter.fetchStream('mentions', { sinceId: target }).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(ChannelRateLimitError);
    expect((limited as ChannelRateLimitError).retryAfterMs).toBeGreaterThan(0);

    await fault('GET /2/users/:id/mentions', '500');
    await expect(adapter.fetchStream('mentions', { sinceId: target })).rejects.toBeInstanceOf(
      ChannelUnavailableError,
    );

    await fault('GET /2/users/:id/mentions', 'malformed');
    await expect(adapter.fetchStream('mentions', { sinceId: target })).rejects.toBeInstanceOf(
      ChannelUnavailableError,
    );

    await fault('GET /2/users/:id/mentions', 'timeout');
    await expect(adapter.fetchStream('mentions', { sinceId: target })).rejects.toBeInstanceOf(
      ChannelUnavailableError,
    );

    await fault('GET /2/users/:id/mentions', 'revoke');
    await expect(adapter.fetchStream('mentions', { sinceId: target })).rejects.toBeInstanceOf(
      ChannelAuthError,
    );
  });
});
