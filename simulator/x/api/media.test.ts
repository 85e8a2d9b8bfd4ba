import request from 'supertest';
import { createSimulatorApp } from '../../app';
import { AUTH, fakeClock } from '../../testHelpers';

const BRAND = 'demo_hilft';
const TCO = /^https:\/\/t\.co\/[0-9A-Za-z]{10}$/;

function setup(options: Parameters<typeof createSimulatorApp>[0] = {}) {
  const clock = fakeClock();
  const { app, state } = createSimulatorApp({ now: clock.now, ...options });
  const mentions = (query: Record<string, string>) =>
    request(app).get(`/2/users/${state.brand.id}/mentions`).query(query).set(AUTH);
  return { app, state, clock, mentions };
}

/** Code-point slice, the way X's indices count. */
const slice = (text: string, start: number, end: number) => [...text].slice(start, end).join('');

describe('t.co links and entities', () => {
  it('stores and returns text with t.co links; entities carry the original URL at code-point indices', async () => {
    const { app, mentions } = setup();
    const written = `@${BRAND} 😡 Router kaputt, siehe https://example.com/foto und www.telekom.de/hilfe/störung #dsl`;
    const created = await request(app)
      .post('/_sim/x/posts')
      .send({ author: { username: 'lena', name: 'Lena' }, text: written });
    const res = await mentions({ 'tweet.fields': 'entities' });
    const post = res.body.data[0];
    expect(post.id).toBe(created.body.id);
    expect(post.text).toMatch(
      new RegExp(
        `^@${BRAND} 😡 Router kaputt, siehe https://t\\.co/\\w{10} und https://t\\.co/\\w{10} #dsl$`,
      ),
    );
    const { urls, mentions: named, hashtags } = post.entities;
    expect(urls).toEqual([
      {
        start: expect.any(Number),
        end: expect.any(Number),
        url: expect.stringMatching(TCO),
        expanded_url: 'https://example.com/foto',
        display_url: 'example.com/foto',
      },
      {
        start: expect.any(Number),
        end: expect.any(Number),
        url: expect.stringMatching(TCO),
        expanded_url: 'http://www.telekom.de/hilfe/störung',
        display_url: 'telekom.de/hilfe/störung',
      },
    ]);
    for (const u of urls) expect(slice(post.text, u.start, u.end)).toBe(u.url);
    expect(urls[0].url).not.toBe(urls[1].url);
    expect(named).toEqual([{ start: 0, end: BRAND.length + 1, username: BRAND, id: expect.any(String) }]);
    // The emoji is one code point (two UTF-16 units): indices after it count it once.
    expect(slice(post.text, hashtags[0].start, hashtags[0].end)).toBe('#dsl');

    const listed = await request(app).get('/_sim/x/posts').query({ author: 'lena' });
    expect(listed.body.data[0]).toMatchObject({ text: post.text, expanded_text: written });
  });

  it('rewrites links in brand posts too, checks duplicates against the text as written', async () => {
    const { app } = setup();
    const text = 'Status der Störung: https://telekom.de/stoerung ^AB';
    const res = await request(app).post('/2/tweets').set(AUTH).send({ text });
    expect(res.status).toBe(201);
    expect(res.body.data.text).toMatch(/^Status der Störung: https:\/\/t\.co\/\w{10} \^AB$/);
    const listed = await request(app).get('/_sim/x/posts').query({ author: BRAND });
    expect(listed.body.data[0]).toMatchObject({ text: res.body.data.text, expanded_text: text });
    // A new t.co link every time does not make the same text new.
    expect((await request(app).post('/2/tweets').set(AUTH).send({ text })).status).toBe(403);
  });
});

describe('media', () => {
  it('gives posts media keys, a trailing media link, and includes.media for the expansion', async () => {
    const { app, mentions } = setup();
    const created = await request(app)
      .post('/_sim/x/posts')
      .send({
        author: { username: 'lena', name: 'Lena' },
        text: `@${BRAND} so sieht das aus`,
        media: [
          { type: 'photo', url: 'https://pbs.twimg.com/media/router.jpg', alt_text: 'Router mit roter LED' },
          { type: 'photo', url: 'https://pbs.twimg.com/media/kabel.jpg' },
        ],
      });
    expect(created.status).toBe(201);
    const res = await mentions({
      'tweet.fields': 'attachments,entities,display_text_range',
      expansions: 'attachments.media_keys',
      'media.fields': 'url,preview_image_url,type,width,height,alt_text',
    });
    const post = res.body.data[0];
    const keys = post.attachments.media_keys;
    expect(keys).toEqual([expect.stringMatching(/^3_\d{19}$/), expect.stringMatching(/^3_\d{19}$/)]);
    expect(post.text).toMatch(new RegExp(`^@${BRAND} so sieht das aus https://t\\.co/\\w{10}$`));
    expect(post.display_text_range).toEqual([0, [...`@${BRAND} so sieht das aus`].length]);
    expect(post.entities.urls.map((u: { media_key: string }) => u.media_key)).toEqual(keys);
    expect(post.entities.urls[0]).toMatchObject({
      expanded_url: `https://x.com/lena/status/${post.id}/photo/1`,
      display_url: expect.stringMatching(/^pic\.x\.com\/\w{10}$/),
    });
    expect(res.body.includes.media).toEqual([
      {
        media_key: keys[0],
        type: 'photo',
        url: 'https://pbs.twimg.com/media/router.jpg',
        width: 1200,
        height: 900,
        alt_text: 'Router mit roter LED',
      },
      {
        media_key: keys[1],
        type: 'photo',
        url: 'https://pbs.twimg.com/media/kabel.jpg',
        width: 1200,
        height: 900,
      },
    ]);
  });

  it('gives videos and GIFs a preview image and mp4 variants instead of a url', async () => {
    const { app, mentions } = setup();
    await request(app)
      .post('/_sim/x/posts')
      .send({
        author: { username: 'jan', name: 'Jan' },
        text: `@${BRAND} Video vom Fehler`,
        media: [
          {
            type: 'video',
            url: 'https://video.twimg.com/v/fehler.mp4',
            preview_image_url: 'https://pbs.twimg.com/v/fehler.jpg',
            width: 720,
            height: 1280,
          },
        ],
      });
    const res = await mentions({
      expansions: 'attachments.media_keys',
      'media.fields': 'url,preview_image_url,variants,width,height',
    });
    expect(res.body.data[0].attachments).toBeUndefined();
    expect(res.body.includes.media).toEqual([
      {
        media_key: expect.stringMatching(/^7_\d{19}$/),
        type: 'video',
        preview_image_url: 'https://pbs.twimg.com/v/fehler.jpg',
        width: 720,
        height: 1280,
        variants: [
          {
            bit_rate: expect.any(Number),
            content_type: 'video/mp4',
            url: 'https://video.twimg.com/v/fehler.mp4',
          },
        ],
      },
    ]);
  });

  it('refuses more than four photos, a video with a photo, unknown types and media fields', async () => {
    const { app, mentions } = setup();
    const photo = { type: 'photo', url: 'https://pbs.twimg.com/media/a.jpg' };
    const author = { username: 'lena', name: 'Lena' };
    for (const media of [
      [photo, photo, photo, photo, photo],
      [photo, { type: 'video', url: 'https://video.twimg.com/a.mp4' }],
      [{ type: 'audio', url: 'https://example.com/a.mp3' }],
      [{ type: 'photo', url: 'not a url' }],
    ]) {
      const res = await request(app).post('/_sim/x/posts').send({ author, text: 'x', media });
      expect(res.status).toBe(400);
    }
    const bad = await mentions({ 'media.fields': 'url,colour' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].parameters).toEqual({ 'media.fields': ['url,colour'] });
  });

  it('can leave the media link out of the text', async () => {
    const { app, mentions } = setup({ appendMediaUrl: false });
    await request(app)
      .post('/_sim/x/posts')
      .send({
        author: { username: 'lena', name: 'Lena' },
        text: `@${BRAND} Foto`,
        media: [{ type: 'animated_gif', url: 'https://video.twimg.com/g.mp4' }],
      });
    const res = await mentions({ 'tweet.fields': 'attachments' });
    expect(res.body.data[0].text).toBe(`@${BRAND} Foto`);
    expect(res.body.data[0].attachments.media_keys).toEqual([expect.stringMatching(/^16_\d{19}$/)]);
  });
});
