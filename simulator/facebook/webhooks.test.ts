import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import request from 'supertest';
import { fbSetup, PAGE_ID } from './testHelpers';

const SECRET = 'app-secret-123';
const VERIFY = 'verify-me';

interface Received {
  raw: string;
  signature: string | undefined;
  valid: boolean;
  body: {
    object: string;
    entry: Array<{
      id: string;
      time: number;
      changes?: Array<{ field: string; value: Record<string, unknown> }>;
      messaging?: Array<Record<string, unknown> & { message: Record<string, unknown> }>;
    }>;
  };
}

/** A webhook receiver as the adapter would write one: verify the signature over the raw bytes first. */
async function startReceiver(opts: { failFirst?: number; echoWrongChallenge?: boolean } = {}) {
  const received: Received[] = [];
  let failures = opts.failFirst ?? 0;
  const app = express();
  app.get('/hook', (req, res) => {
    if (req.query['hub.mode'] !== 'subscribe' || req.query['hub.verify_token'] !== VERIFY) {
      res.sendStatus(403);
      return;
    }
    res.status(200).send(opts.echoWrongChallenge ? 'nope' : String(req.query['hub.challenge']));
  });
  app.post('/hook', express.raw({ type: 'application/json' }), (req, res) => {
    const raw = req.body as Buffer;
    const signature = req.get('x-hub-signature-256');
    const expected = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`);
    const valid =
      signature !== undefined &&
      signature.length === expected.length &&
      timingSafeEqual(Buffer.from(signature), expected);
    if (failures > 0) {
      failures -= 1;
      res.sendStatus(500);
      return;
    }
    received.push({ raw: raw.toString('utf8'), signature, valid, body: JSON.parse(raw.toString('utf8')) });
    res.sendStatus(200);
  });
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    url,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type Receiver = Awaited<ReturnType<typeof startReceiver>>;
let receiver: Receiver;

afterEach(async () => {
  await receiver?.close();
});

async function subscribed(extra: Record<string, unknown> = {}, receiverOpts = {}) {
  receiver = await startReceiver(receiverOpts);
  const s = fbSetup({ facebook: { webhookRetryDelaysMs: [20, 20, 20] } });
  const res = await request(s.app)
    .post('/_sim/facebook/webhook')
    .send({ url: receiver.url, app_secret: SECRET, verify_token: VERIFY, ...extra });
  return { ...s, subscribe: res };
}

describe('Facebook webhooks', () => {
  it('subscribing does the verification GET; a wrong token or challenge is a 400', async () => {
    const s = await subscribed();
    expect(s.subscribe.status).toBe(201);
    expect((await request(s.app).get('/_sim/facebook/webhook')).body).toEqual({
      subscription: { url: receiver.url, bad_signature: false, batch_ms: 0 },
      deliveries: [],
    });
    const wrongToken = await request(s.app)
      .post('/_sim/facebook/webhook')
      .send({ url: receiver.url, app_secret: SECRET, verify_token: 'other' });
    expect(wrongToken.status).toBe(400);
    expect(wrongToken.body.error).toBe('verification GET answered 403');
    await receiver.close();
    receiver = await startReceiver({ echoWrongChallenge: true });
    const wrongEcho = await request(s.app)
      .post('/_sim/facebook/webhook')
      .send({ url: receiver.url, app_secret: SECRET, verify_token: VERIFY });
    expect(wrongEcho.body.error).toBe('verification GET did not echo hub.challenge');
    const unreachable = await request(s.app)
      .post('/_sim/facebook/webhook')
      .send({ url: 'http://127.0.0.1:1/hook', app_secret: SECRET, verify_token: VERIFY });
    expect(unreachable.status).toBe(400);
  });

  it('a customer comment arrives as a signed feed change', async () => {
    const { seedPost, comment, facebook } = await subscribed();
    const post = await seedPost('Wartungsarbeiten');
    const c = await comment(post, 'Lena Schmidt', 'Wie lange noch?');
    await facebook.webhooks.idle();
    const delivered = receiver.received.at(-1)!;
    expect(delivered.valid).toBe(true);
    expect(delivered.signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(delivered.body).toEqual({
      object: 'page',
      entry: [
        {
          id: PAGE_ID,
          time: Date.UTC(2026, 0, 15, 10) / 1000,
          changes: [
            {
              field: 'feed',
              value: {
                from: { id: expect.any(String), name: 'Lena Schmidt' },
                post: expect.objectContaining({ id: post }),
                post_id: post,
                comment_id: c,
                parent_id: post,
                created_time: Date.UTC(2026, 0, 15, 10) / 1000,
                item: 'comment',
                verb: 'add',
                message: 'Wie lange noch?',
              },
            },
          ],
        },
      ],
    });
    // The Page's post itself came first, as a status.
    expect(receiver.received[0]!.body.entry[0]!.changes![0]!.value).toMatchObject({
      item: 'status',
      verb: 'add',
    });
  });

  it('replies, edits, hides, unhides and removals arrive with their verbs; the Page’s reply is from the Page', async () => {
    const { seedPost, comment, send, del, facebook, app } = await subscribed();
    const post = await seedPost('Neue Tarife');
    const c = await comment(post, 'Jan Fischer', 'Teurer?');
    const reply = (await send(`/${c}/comments`, { message: 'Nein, günstiger.' })).body.id;
    const r2 = await comment(post, 'Jan Fischer', 'Ok danke', { parent_id: reply });
    await request(app).post(`/_sim/facebook/comments/${c}/edit`).send({ message: 'Teurer??' });
    await send(`/${r2}`, { is_hidden: true });
    await send(`/${r2}`, { is_hidden: false });
    await del(`/${r2}`);
    await facebook.webhooks.idle();
    const values = receiver.received.slice(1).map((r) => r.body.entry[0]!.changes![0]!.value);
    expect(values.map((v) => [v.verb, v.comment_id])).toEqual([
      ['add', c],
      ['add', reply],
      ['add', r2],
      ['edited', c],
      ['hide', r2],
      ['unhide', r2],
      ['remove', r2],
    ]);
    expect(values[1]).toMatchObject({ from: { id: PAGE_ID, name: 'Demo Hilft' }, parent_id: c });
    // Flattened: the reply to the Page's reply hangs under the top-level comment.
    expect(values[2]).toMatchObject({ parent_id: c });
    expect(values[3]).toMatchObject({ message: 'Teurer??' });
    expect(values[6]!.message).toBeUndefined();
  });

  it('Messenger messages arrive as messaging events; the Page’s own sends as echoes', async () => {
    const { message, send, facebook } = await subscribed();
    const dm = await message('Julia Wagner', 'Hallo, Rechnung doppelt');
    const sent = await send(`/${PAGE_ID}/messages`, {
      recipient: { id: dm.psid },
      messaging_type: 'RESPONSE',
      message: { text: 'Wir prüfen das' },
    });
    await facebook.webhooks.idle();
    const [inbound, echo] = receiver.received.map((r) => r.body.entry[0]!);
    expect(inbound).toEqual({
      id: PAGE_ID,
      time: Date.UTC(2026, 0, 15, 10),
      messaging: [
        {
          sender: { id: dm.psid },
          recipient: { id: PAGE_ID },
          timestamp: Date.UTC(2026, 0, 15, 10),
          message: { mid: dm.id, text: 'Hallo, Rechnung doppelt' },
        },
      ],
    });
    expect(echo!.messaging![0]).toEqual({
      sender: { id: PAGE_ID },
      recipient: { id: dm.psid },
      timestamp: Date.UTC(2026, 0, 15, 10),
      message: {
        mid: sent.body.message_id,
        text: 'Wir prüfen das',
        is_echo: true,
        app_id: expect.any(Number),
      },
    });
  });

  it('retries a failing receiver until it answers 2xx', async () => {
    const { message, facebook, app } = await subscribed({}, { failFirst: 2 });
    await message('Kai Neumann', 'Hallo');
    await facebook.webhooks.idle();
    expect(receiver.received).toHaveLength(1);
    const [delivery] = (await request(app).get('/_sim/facebook/webhook')).body.deliveries;
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, last_status: 200 });
  });

  it('gives up after the last retry', async () => {
    const { message, facebook, app } = await subscribed({}, { failFirst: 10 });
    await message('Kai Neumann', 'Hallo');
    await facebook.webhooks.idle();
    const [delivery] = (await request(app).get('/_sim/facebook/webhook')).body.deliveries;
    expect(delivery).toMatchObject({
      status: 'failed',
      attempts: 4,
      last_status: 500,
      last_error: 'HTTP 500',
    });
  });

  it('redelivers the last N deliveries, out of order when shuffled, with valid signatures', async () => {
    const { message, facebook, app } = await subscribed();
    for (const t of ['eins', 'zwei', 'drei', 'vier']) await message('Mia Schwarz', t);
    await facebook.webhooks.idle();
    const texts = (rs: Received[]) => rs.map((r) => r.body.entry[0]!.messaging![0]!.message.text);
    expect(texts(receiver.received)).toEqual(['eins', 'zwei', 'drei', 'vier']);
    const res = await request(app).post('/_sim/facebook/webhook/redeliver').send({ count: 3, shuffle: true });
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(3);
    const again = receiver.received.slice(4);
    expect(again.every((r) => r.valid)).toBe(true);
    expect(texts(again).sort()).toEqual(['drei', 'vier', 'zwei']);
    expect(texts(again)).not.toEqual(['zwei', 'drei', 'vier']);
    // Byte for byte the same deliveries.
    expect(again.map((r) => r.raw).sort()).toEqual(
      receiver.received
        .slice(1, 4)
        .map((r) => r.raw)
        .sort(),
    );
    await request(app).post('/_sim/facebook/webhook/redeliver').send({});
    expect(texts(receiver.received.slice(7))).toEqual(['vier']);
  });

  it('bad_signature on the subscription signs every delivery wrong', async () => {
    const { message, facebook } = await subscribed({ bad_signature: true });
    await message('Nina Braun', 'Hallo');
    await facebook.webhooks.idle();
    expect(receiver.received[0]!.valid).toBe(false);
    expect(receiver.received[0]!.signature).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it('webhook faults: bad_signature, drop and duplicate affect the next deliveries', async () => {
    const { message, facebook, inject } = await subscribed();
    expect((await inject('webhook', 'bad_signature')).status).toBe(201);
    await message('Felix Krüger', 'eins');
    await message('Felix Krüger', 'zwei');
    await inject('webhook', 'drop');
    await message('Felix Krüger', 'drei');
    await inject('webhook', 'duplicate');
    await message('Felix Krüger', 'vier');
    await facebook.webhooks.idle();
    const seen = receiver.received.map((r) => [r.body.entry[0]!.messaging![0]!.message.text, r.valid]);
    expect(seen).toEqual([
      ['eins', false],
      ['zwei', true],
      ['vier', true],
      ['vier', true],
    ]);
    expect((await inject('webhook', '500')).status).toBe(400);
    expect((await inject('GET /me', 'bad_signature')).status).toBe(400);
  });

  it('batch_ms sends the events of that time as one POST with several entries', async () => {
    const { message, seedPost, facebook } = await subscribed({ batch_ms: 30 });
    await seedPost('Neue Tarife');
    await message('Sabine Hartmann', 'eins');
    await message('Sabine Hartmann', 'zwei');
    await new Promise((r) => setTimeout(r, 60));
    await facebook.webhooks.idle();
    expect(receiver.received).toHaveLength(1);
    const [batch] = receiver.received;
    expect(batch!.valid).toBe(true);
    expect(batch!.body.entry.map((e) => (e.changes ? 'feed' : e.messaging![0]!.message.text))).toEqual([
      'feed',
      'eins',
      'zwei',
    ]);
  });

  it('nothing is sent without a subscription; unsubscribing stops deliveries; reset keeps the subscription', async () => {
    const { message, facebook, app } = await subscribed();
    await request(app).post('/_sim/reset');
    await message('Heinz Zimmermann', 'Hallo');
    await facebook.webhooks.idle();
    expect(receiver.received).toHaveLength(1);
    expect((await request(app).delete('/_sim/facebook/webhook')).status).toBe(204);
    await message('Heinz Zimmermann', 'Noch da?');
    await facebook.webhooks.idle();
    expect(receiver.received).toHaveLength(1);
    expect((await request(app).post('/_sim/facebook/webhook/redeliver').send({})).status).toBe(409);
  });
});
