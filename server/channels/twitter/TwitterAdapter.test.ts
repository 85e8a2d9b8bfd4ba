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
    const client = createXClient({ kind: 'oauth2', accessToken: 'sim-x-token' }, sim.url, 1500);
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

  it("finds a reply when more than a page of the brand's posts came after it", async () => {
    const target = await post({ author: { username: 'r2', name: 'R' }, text: `@${brand} hilfe` });
    const since = new Date();
    const posted = await adapter.postReply(
      { channel: 'public' as const, inReplyToExternalId: target },
      'Wir melden uns ^AB',
    );
    // 150 later posts by the brand (other agents' replies): ours is on the second page.
    const other = await post({ author: { username: 'r3', name: 'S' }, text: `@${brand} auch` });
    for (let i = 0; i < 150; i++) {
      await post({ author: { username: brand, name: 'Brand' }, text: `Antwort ${i}`, in_reply_to: other });
    }
    const found = await adapter.findPostedReply(
      { channel: 'public' as const, inReplyToExternalId: target },
      'Wir melden uns ^AB',
      since,
    );
    expect(found?.externalId).toBe(posted.externalId);
  });

  describe('images', () => {
    // The smallest valid PNG (1×1 transparent pixel), padded past one upload chunk (1 MB).
    const png = Buffer.concat([
      Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
        'base64',
      ),
      Buffer.alloc(1024 * 1024 + 7, 1),
    ]);
    const attachment = (data: Buffer = png, contentType = 'image/png') => {
      let loads = 0;
      return {
        extras: {
          attachment: {
            contentType,
            byteSize: data.length,
            load: async () => {
              loads += 1;
              return data;
            },
          },
        },
        loads: () => loads,
      };
    };
    const uploads = async () =>
      (
        (await (await fetch(`${sim.url}/_sim/x/media`)).json()) as {
          data: Array<{
            id: string;
            media_category: string;
            sha256?: string;
            posts: string[];
            dms: string[];
          }>;
        }
      ).data;
    const uploadedBytes = async (id: string) =>
      Buffer.from(await (await fetch(`${sim.url}/_sim/x/media/${id}/content`)).arrayBuffer());

    it('uploads the image and posts the reply with its media id; the bytes arrive unchanged', async () => {
      const target = await post({ author: { username: 'i1', name: 'I' }, text: `@${brand} wo?` });
      const image = attachment();
      const posted = await adapter.postReply(
        { channel: 'public' as const, inReplyToExternalId: target },
        'Hier die Karte ^AB',
        image.extras,
      );
      const [upload] = await uploads();
      expect(upload).toMatchObject({ media_category: 'tweet_image', posts: [posted.externalId] });
      expect((await uploadedBytes(upload!.id)).equals(png)).toBe(true);
      expect(image.loads()).toBe(1);
      expect(sim.state.postById(posted.externalId)?.mediaKeys).toEqual([`3_${upload!.id}`]);
      // Reconcile still finds the post although X appended the media link to its text.
      await expect(
        adapter.findPostedReply(
          { channel: 'public' as const, inReplyToExternalId: target },
          'Hier die Karte ^AB',
          new Date(Date.now() - 60_000),
        ),
      ).resolves.toMatchObject({ externalId: posted.externalId });
    });

    it('sends a DM with the image as a dm_image attachment and finds it again', async () => {
      await fetch(`${sim.url}/_sim/x/dms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ from: { username: 'dm1', name: 'D' }, text: 'Formular?' }),
      });
      const participantId = sim.state.userByUsername('dm1')!.id;
      const gif = Buffer.concat([Buffer.from('GIF89a', 'latin1'), Buffer.alloc(300, 2)]);
      const target = { channel: 'dm' as const, participantId };
      const since = new Date(Date.now() - 60_000);
      const sent = await adapter.postReply(target, 'Das Formular ^AB', attachment(gif, 'image/gif').extras);
      const [upload] = await uploads();
      expect(upload).toMatchObject({ media_category: 'dm_gif', dms: [sent.externalId] });
      expect((await uploadedBytes(upload!.id)).equals(gif)).toBe(true);
      await expect(adapter.findPostedReply(target, 'Das Formular ^AB', since)).resolves.toMatchObject({
        externalId: sent.externalId,
      });
    });

    it('maps upload failures to channel errors and posts nothing', async () => {
      const target = {
        channel: 'public' as const,
        inReplyToExternalId: await post({ author: { username: 'i2', name: 'I' }, text: `@${brand} bild` }),
      };
      const send = (extras = attachment().extras) => adapter.postReply(target, 'Mit Bild ^AB', extras);

      await fault('POST /2/media/upload/:id/append', '500');
      await expect(send()).rejects.toBeInstanceOf(ChannelUnavailableError);
      await fault('POST /2/media/upload/initialize', '429');
      await expect(send()).rejects.toBeInstanceOf(ChannelRateLimitError);
      await fault('POST /2/media/upload/:id/finalize', 'malformed');
      await expect(send()).rejects.toBeInstanceOf(ChannelUnavailableError);
      // A hung upload request ends at the adapter's request timeout, not the simulator's 60 s hold.
      await fault('POST /2/media/upload/:id/append', 'timeout');
      await expect(send()).rejects.toBeInstanceOf(ChannelUnavailableError);
      // Larger than X's 5 MB image limit: refused for good.
      await expect(send(attachment(Buffer.alloc(5 * 1024 * 1024 + 1, 3)).extras)).rejects.toMatchObject({
        constructor: ChannelRejectedError,
        reason: 'invalid',
      });
      await expect(send(attachment(png, 'image/tiff').extras)).rejects.toMatchObject({
        constructor: ChannelRejectedError,
        reason: 'invalid',
      });
      // A link alone is never dropped silently.
      await expect(send({ attachmentUrl: 'https://example.test/a.png' } as never)).rejects.toBeInstanceOf(
        ChannelRejectedError,
      );
      expect(sim.state.stats().brandPostsCreated).toBe(0);
      await fault('POST /2/media/upload/initialize', 'revoke');
      await expect(send()).rejects.toBeInstanceOf(ChannelAuthError);
      expect(sim.state.stats().brandPostsCreated).toBe(0);
    });
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
