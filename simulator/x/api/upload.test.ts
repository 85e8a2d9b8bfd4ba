import request from 'supertest';
import { createSimulatorApp } from '../../app';
import { AUTH, fakeClock, seedPost } from '../../testHelpers';

const BRAND = 'demo_hilft';
const BOUNDARY = '--------------------------123456789012345678901234';

/** The append body exactly as twitter-api-v2's FormDataHelper builds it: no file name on `media`. */
function appendBody(index: number | string, media: Buffer | null): Buffer {
  const parts: Buffer[] = [
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="segment_index"\r\n\r\n${index}\r\n`),
  ];
  if (media) {
    parts.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="media"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      media,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(parts);
}

function setup(options: Parameters<typeof createSimulatorApp>[0] = {}) {
  const clock = fakeClock();
  const { app, state } = createSimulatorApp({ now: clock.now, ...options });
  const init = (body: object, auth: Record<string, string> = AUTH) =>
    request(app).post('/2/media/upload/initialize').set(auth).send(body);
  const append = (id: string, index: number | string, media: Buffer | null) =>
    request(app)
      .post(`/2/media/upload/${id}/append`)
      .set(AUTH)
      .set('content-type', `multipart/form-data; boundary=${BOUNDARY}`)
      .send(appendBody(index, media));
  const finalize = (id: string) => request(app).post(`/2/media/upload/${id}/finalize`).set(AUTH).send({});
  const status = (id: string) =>
    request(app).get('/2/media/upload').query({ command: 'STATUS', media_id: id }).set(AUTH);
  return { app, state, clock, init, append, finalize, status };
}

describe('POST /2/media/upload/initialize', () => {
  it('answers {data:{id, media_key, expires_after_secs}} with a snowflake id and a photo key', async () => {
    const { init } = setup();
    const res = await init({ media_type: 'image/jpeg', total_bytes: 1000, media_category: 'tweet_image' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: {
        id: expect.stringMatching(/^[0-9]{19}$/),
        media_key: `3_${res.body.data.id}`,
        expires_after_secs: 86400,
      },
    });
    expect(res.headers['x-rate-limit-remaining']).toEqual(expect.any(String));
  });

  it('refuses a missing or app-only token, a bad media_type and a bad or too large total_bytes', async () => {
    const { init } = setup({ appOnlyBearerTokens: ['app-only'] });
    expect((await init({ media_type: 'image/png', total_bytes: 10 }, {})).status).toBe(401);
    const appOnly = await init(
      { media_type: 'image/png', total_bytes: 10 },
      { authorization: 'Bearer app-only' },
    );
    expect(appOnly.status).toBe(403);
    expect(appOnly.body.title).toBe('Unsupported Authentication');

    const badType = await init({ media_type: 'application/pdf', total_bytes: 10 });
    expect(badType.status).toBe(400);
    expect(badType.body.errors[0].message).toMatch(/^\$\.media_type: /);
    for (const total_bytes of [0, -5, 1.5, '10', 5 * 1024 * 1024 + 1]) {
      const res = await init({ media_type: 'image/png', total_bytes });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].message).toMatch(/^\$\.total_bytes/);
    }
    // GIFs may be larger (15 MB).
    expect((await init({ media_type: 'image/gif', total_bytes: 6 * 1024 * 1024 })).status).toBe(200);
  });
});

describe('append and finalize', () => {
  it('assembles segments by index, a resent segment replacing the first, and checks the byte count', async () => {
    const { init, append, finalize, status, state } = setup();
    const id = (await init({ media_type: 'image/png', total_bytes: 6 })).body.data.id as string;
    expect((await append(id, 1, Buffer.from('def'))).status).toBe(200);
    expect((await append(id, 0, Buffer.from('xyz'))).status).toBe(200);
    expect((await append(id, 0, Buffer.from('abc'))).status).toBe(200);
    const done = await finalize(id);
    expect(done.status).toBe(201);
    expect(done.body).toEqual({
      data: { id, media_key: `3_${id}`, size: 6, expires_after_secs: 86400 },
    });
    expect(state.uploads.get(id)?.data?.toString()).toBe('abcdef');
    // Finalizing again answers the same; appending after finalize is refused.
    expect((await finalize(id)).body).toEqual(done.body);
    expect((await append(id, 2, Buffer.from('g'))).status).toBe(400);
    expect((await status(id)).body.data.processing_info).toEqual({
      state: 'succeeded',
      progress_percent: 100,
    });

    const short = (await init({ media_type: 'image/png', total_bytes: 10 })).body.data.id as string;
    await append(short, 0, Buffer.from('abc'));
    const mismatch = await finalize(short);
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors[0].message).toMatch(/Segments do not add up to provided total file size/);
    const empty = (await init({ media_type: 'image/png', total_bytes: 10 })).body.data.id as string;
    expect((await finalize(empty)).status).toBe(400);
  });

  it('refuses a bad segment_index or a missing media part; unknown and expired ids are 404', async () => {
    const { init, append, finalize, status, clock } = setup();
    const id = (await init({ media_type: 'image/png', total_bytes: 3 })).body.data.id as string;
    for (const index of [-1, 1000, 'x']) expect((await append(id, index, Buffer.from('a'))).status).toBe(400);
    const missing = await append(id, 0, null);
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].message).toBe('media parameter is missing.');

    expect((await append('1234567890123456789', 0, Buffer.from('a'))).status).toBe(404);
    expect((await finalize('1234567890123456789')).status).toBe(404);
    expect((await status('1234567890123456789')).status).toBe(404);
    expect((await finalize('not-an-id')).status).toBe(400);

    clock.advance(86_400_000);
    const gone = await append(id, 0, Buffer.from('abc'));
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ status: 404, title: 'Not Found Error' });
  });

  it('refuses expired or unfinished media on POST /2/tweets and counts only posts made', async () => {
    const { app, init, append, finalize, clock, state } = setup();
    const target = await seedPost(app, { username: 'kunde', text: `@${BRAND} hilfe` });
    const id = (await init({ media_type: 'image/png', total_bytes: 3 })).body.data.id as string;
    await append(id, 0, Buffer.from('abc'));
    const post = (media: string) =>
      request(app)
        .post('/2/tweets')
        .set(AUTH)
        .send({
          text: `Antwort ${media}`,
          reply: { in_reply_to_tweet_id: target },
          media: { media_ids: [media] },
        });
    const unfinished = await post(id);
    expect(unfinished.status).toBe(400);
    expect(unfinished.body.detail).toMatch(/media IDs are invalid/);
    await finalize(id);
    clock.advance(86_400_000);
    expect((await post(id)).status).toBe(400);
    expect(state.stats().brandPostsCreated).toBe(0);
  });

  it('processes GIFs: finalize says pending, STATUS succeeds once check_after_secs has passed', async () => {
    const { app, init, append, finalize, status, clock } = setup();
    const id = (await init({ media_type: 'image/gif', total_bytes: 3 })).body.data.id as string;
    await append(id, 0, Buffer.from('GIF'));
    const done = await finalize(id);
    expect(done.body.data).toMatchObject({
      media_key: `16_${id}`,
      processing_info: { state: 'pending', check_after_secs: 1 },
    });
    expect((await status(id)).body.data.processing_info.state).toBe('in_progress');
    clock.advance(1000);
    expect((await status(id)).body.data.processing_info).toEqual({
      state: 'succeeded',
      progress_percent: 100,
    });
    const bad = await request(app).get('/2/media/upload').query({ command: 'NOPE', media_id: id }).set(AUTH);
    expect(bad.status).toBe(400);
  });
});
