import { randomBytes } from 'node:crypto';
import { ApiResponseError, type TwitterApi } from 'twitter-api-v2';
import type { RunningSimulator } from './server';
import { startSimulatorWithClient } from './twitterClient';
import { sha256 } from './x/uploads';

/**
 * twitter-api-v2 1.29 `v2.uploadMedia` against the simulator's chunked upload endpoints, then the media on a
 * post and on a DM, read back the way the adapter reads them.
 */

const BRAND = 'demo_hilft';
// The smallest valid PNG (1×1 transparent pixel).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

let sim: RunningSimulator;
let client: TwitterApi;
let close: () => Promise<void>;

beforeEach(async () => {
  ({ sim, client, close } = await startSimulatorWithClient());
});
afterEach(async () => {
  await close();
});

interface UploadView {
  id: string;
  media_key: string;
  media_type: string;
  media_category: string;
  segments: number;
  state: string;
  size?: number;
  sha256?: string;
  posts: string[];
  dms: string[];
}

const uploads = async () =>
  ((await (await fetch(`${sim.url}/_sim/x/media`)).json()) as { data: UploadView[] }).data;

async function seedPost(username: string, text: string): Promise<string> {
  const res = await fetch(`${sim.url}/_sim/x/posts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ author: { username, name: username }, text }),
  });
  return ((await res.json()) as { id: string }).id;
}

it('uploads an image in chunks and posts a reply carrying it; the post reads back with the media', async () => {
  // Three chunks of 1 MB (the library's chunk size) and a remainder, bytes kept exactly.
  const image = Buffer.concat([PNG, randomBytes(3 * 1024 * 1024 + 123)]);
  const mediaId = await client.v2.uploadMedia(image, { media_type: 'image/png' });
  expect(mediaId).toMatch(/^[0-9]{19}$/);
  const [upload] = await uploads();
  expect(upload).toMatchObject({
    id: mediaId,
    media_key: `3_${mediaId}`,
    media_type: 'image/png',
    media_category: 'tweet_image',
    segments: 4,
    state: 'finalized',
    size: image.length,
    sha256: sha256(image),
  });
  const content = await fetch(`${sim.url}/_sim/x/media/${mediaId}/content`);
  expect(Buffer.from(await content.arrayBuffer()).equals(image)).toBe(true);

  const target = await seedPost('kunde', `@${BRAND} Wo ist die Störung?`);
  const sent = await client.v2.tweet({
    text: 'Hier die Karte ^AB',
    reply: { in_reply_to_tweet_id: target },
    media: { media_ids: [mediaId] },
  });
  const own = await client.v2.userTimeline(sim.state.brand.id, {
    'tweet.fields': ['attachments', 'referenced_tweets'],
    expansions: ['attachments.media_keys'],
    'media.fields': ['url', 'type'],
  });
  const post = own.tweets.find((t) => t.id === sent.data.id);
  expect(post?.attachments).toEqual({ media_keys: [`3_${mediaId}`] });
  expect(own.includes.media).toEqual([
    expect.objectContaining({ media_key: `3_${mediaId}`, type: 'photo', url: expect.any(String) }),
  ]);
  expect((await uploads())[0]?.posts).toEqual([sent.data.id]);
  expect(sim.state.stats()).toMatchObject({ brandPostsCreated: 1, mediaUploaded: 1 });
});

it('attaches uploaded media to a DM; unknown ids are refused on both endpoints', async () => {
  await fetch(`${sim.url}/_sim/x/dms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: { username: 'dmkunde', name: 'DM Kunde' }, text: 'Hallo?' }),
  });
  const customer = sim.state.userByUsername('dmkunde')!;
  const mediaId = await client.v2.uploadMedia(PNG, { media_type: 'image/png', media_category: 'dm_image' });
  // The library's type says the fields are top-level; the answer (and X's docs) wrap them in `data`.
  const sent = (await client.v2.sendDmToParticipant(customer.id, {
    text: 'Das Formular ^AB',
    attachments: [{ media_id: mediaId }],
  })) as unknown as { data: { dm_event_id: string } };
  const events = await client.v2.listDmEvents({
    'dm_event.fields': ['attachments', 'text', 'sender_id'],
    expansions: ['attachments.media_keys'],
  });
  const event = events.events.find((e) => e.id === sent.data.dm_event_id);
  expect(event).toMatchObject({ text: 'Das Formular ^AB', attachments: { media_keys: [`3_${mediaId}`] } });
  expect((await uploads())[0]).toMatchObject({ media_category: 'dm_image', dms: [sent.data.dm_event_id] });

  const badDm = (await client.v2
    .sendDmToParticipant(customer.id, { text: 'x', attachments: [{ media_id: '1234567890123456789' }] })
    .catch((e: unknown) => e)) as ApiResponseError;
  expect(badDm.code).toBe(400);
  const target = await seedPost('kunde2', `@${BRAND} hallo`);
  const badPost = (await client.v2
    .tweet({
      text: 'x',
      reply: { in_reply_to_tweet_id: target },
      media: { media_ids: ['1234567890123456789'] },
    })
    .catch((e: unknown) => e)) as ApiResponseError;
  expect(badPost.code).toBe(400);
  expect(badPost.data.detail).toMatch(/media IDs are invalid/);
  expect(sim.state.stats().brandPostsCreated).toBe(0);
});

it('processes a GIF before it can be posted (processing_info, STATUS)', async () => {
  const gif = Buffer.concat([Buffer.from('GIF89a', 'latin1'), randomBytes(2000)]);
  const mediaId = await client.v2.uploadMedia(gif, { media_type: 'image/gif' });
  const [upload] = await uploads();
  expect(upload).toMatchObject({ media_key: `16_${mediaId}`, media_category: 'tweet_gif' });
  // uploadMedia returned only after STATUS said "succeeded", so the id can be used at once.
  const target = await seedPost('kunde', `@${BRAND} gif?`);
  await expect(
    client.v2.tweet({
      text: 'GIF ^AB',
      reply: { in_reply_to_tweet_id: target },
      media: { media_ids: [mediaId] },
    }),
  ).resolves.toMatchObject({ data: { id: expect.any(String) } });
  expect(sim.state.stats().requests['GET /2/media/upload']).toBeGreaterThanOrEqual(1);
});

it('maps upload faults and refusals to ApiResponseError', async () => {
  await fetch(`${sim.url}/_sim/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ platform: 'x', endpoint: 'POST /2/media/upload/:id/append', kind: '500' }),
  });
  const failed = (await client.v2
    .uploadMedia(PNG, { media_type: 'image/png' })
    .catch((e: unknown) => e)) as ApiResponseError;
  expect(failed).toBeInstanceOf(ApiResponseError);
  expect(failed.code).toBe(500);
  // The fault was used up: the same upload works now.
  await expect(client.v2.uploadMedia(PNG, { media_type: 'image/png' })).resolves.toMatch(/^[0-9]+$/);

  const video = (await client.v2
    .uploadMedia(PNG, { media_type: 'video/mp4' })
    .catch((e: unknown) => e)) as ApiResponseError;
  expect(video.code).toBe(400);
  expect((video.data as { errors: Array<{ message: string }> }).errors[0]?.message).toMatch(/\$\.media_type/);
});
