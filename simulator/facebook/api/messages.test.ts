import request from 'supertest';
import { DAY, FB_TOKEN, fbSetup, HOUR, ids, isoAgo, PAGE_ID, pathOf, V } from '../testHelpers';

const MESSAGES = `/${PAGE_ID}/messages`;

describe('Graph: private replies', () => {
  it('answers a comment privately once: recipient_id is the PSID; a second try is code 10900', async () => {
    const { send, seedPost, comment, activity, app } = fbSetup();
    const post = await seedPost('Neue Tarife');
    const c = await comment(post, 'Lena Schmidt', 'Bitte meldet euch, Kundennummer per PN?');
    const body = {
      recipient: { comment_id: c },
      message: { text: 'Hallo Lena, schick uns bitte deine Kundennummer.' },
    };
    const res = await send(MESSAGES, body);
    expect(res.status).toBe(200);
    const people = (await request(app).get('/_sim/facebook/people')).body.data;
    const lena = people.find((p: { name: string }) => p.name === 'Lena Schmidt');
    expect(res.body).toEqual({ recipient_id: lena.psid, message_id: expect.stringMatching(/^m_/) });
    // The commenter id and the PSID differ, as on real Pages (UNCONFIRMED setting commenterIdIsPsid).
    expect(lena.psid).not.toBe(lena.user_id);
    const again = await send(MESSAGES, body);
    expect(again.status).toBe(400);
    expect(again.body.error).toMatchObject({ message: '(#10900) Activity already replied to', code: 10900 });
    expect((await activity())[0]).toMatchObject({
      type: 'private_reply',
      object_id: c,
      result_id: res.body.message_id,
      recipient: lena.psid,
    });
  });

  it('only within 7 days of the comment (code 10903 after)', async () => {
    const { send, seedPost, comment, clock } = fbSetup();
    const post = await seedPost('Neue Tarife', { created_time: isoAgo(clock, 10 * DAY) });
    const old = await comment(post, 'Jan Fischer', 'Alt', { created_time: isoAgo(clock, 7 * DAY + HOUR) });
    const recent = await comment(post, 'Jan Fischer', 'Neu', { created_time: isoAgo(clock, 6 * DAY) });
    const late = await send(MESSAGES, { recipient: { comment_id: old }, message: { text: 'Hallo' } });
    expect(late.body.error).toMatchObject({
      code: 10903,
      message: "(#10903) This activity can't be replied to",
    });
    expect(
      (await send(MESSAGES, { recipient: { comment_id: recent }, message: { text: 'Hallo' } })).status,
    ).toBe(200);
  });

  it('opens no 24 h window: a follow-up needs the person to answer first', async () => {
    const { send, seedPost, comment, message } = fbSetup();
    const post = await seedPost('Wartung');
    const c = await comment(post, 'Sandra Hoffmann', 'Seit Stunden kein Netz');
    const pr = await send(MESSAGES, {
      recipient: { comment_id: c },
      message: { text: 'Wir melden uns per PN' },
    });
    const followUp = {
      recipient: { id: pr.body.recipient_id },
      messaging_type: 'RESPONSE',
      message: { text: 'Noch da?' },
    };
    const refused = await send(MESSAGES, followUp);
    expect(refused.body.error).toMatchObject({ code: 10, error_subcode: 2018278 });
    const answer = await message('Sandra Hoffmann', 'Ja, Kundennummer 4711');
    expect(answer.psid).toBe(pr.body.recipient_id);
    expect((await send(MESSAGES, followUp)).status).toBe(200);
  });

  it('private replies to a visitor post (post_id); not to the Page’s own posts or comments', async () => {
    const { send, seedPost, comment } = fbSetup();
    const visitor = await seedPost('Mein Router blinkt rot', { from: { name: 'Anna Keller' } });
    expect(
      (await send(MESSAGES, { recipient: { post_id: visitor }, message: { text: 'Hallo Anna' } })).status,
    ).toBe(200);
    expect(
      (await send(MESSAGES, { recipient: { post_id: visitor }, message: { text: 'Nochmal' } })).body.error
        .code,
    ).toBe(10900);
    const own = await seedPost('Neue Tarife');
    expect(
      (await send(MESSAGES, { recipient: { post_id: own }, message: { text: 'x' } })).body.error.code,
    ).toBe(10903);
    const c = await comment(own, 'A', 'b');
    const reply = (await send(`/${c}/comments`, { message: 'Danke' })).body.id;
    expect(
      (await send(MESSAGES, { recipient: { comment_id: reply }, message: { text: 'x' } })).body.error.code,
    ).toBe(10903);
    expect(
      (await send(MESSAGES, { recipient: { comment_id: '1_2' }, message: { text: 'x' } })).body.error.code,
    ).toBe(100);
  });
});

describe('Graph: Send API windows', () => {
  const text = (psid: string, extra: Record<string, unknown> = {}) => ({
    recipient: { id: psid },
    messaging_type: 'RESPONSE',
    message: { text: 'Wir kümmern uns.' },
    ...extra,
  });
  const humanAgent = (psid: string) => text(psid, { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });

  it('RESPONSE within 24 h of the person’s last message', async () => {
    const { send, message, clock, activity } = fbSetup();
    const dm = await message('Julia Wagner', 'Rechnung doppelt abgebucht', {
      created_time: isoAgo(clock, 23 * HOUR),
    });
    const res = await send(MESSAGES, text(dm.psid));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ recipient_id: dm.psid, message_id: expect.stringMatching(/^m_/) });
    expect((await activity())[0]).toEqual({
      type: 'message',
      object_id: dm.conversation_id,
      result_id: res.body.message_id,
      text: 'Wir kümmern uns.',
      messaging_type: 'RESPONSE',
      recipient: dm.psid,
      created_time: '2026-01-15T10:00:00.000Z',
    });
  });

  it('after 24 h only MESSAGE_TAG HUMAN_AGENT, up to 7 days; then code 10 / 2018278', async () => {
    const { send, message, clock } = fbSetup();
    const dm = await message('Tobias Becker', 'Hallo?', { created_time: isoAgo(clock, 25 * HOUR) });
    const late = await send(MESSAGES, text(dm.psid));
    expect(late.status).toBe(400);
    expect(late.body.error).toMatchObject({
      message: expect.stringMatching(/^\(#10\) This message is sent outside of allowed window\./),
      type: 'OAuthException',
      code: 10,
      error_subcode: 2018278,
      fbtrace_id: expect.any(String),
    });
    expect((await send(MESSAGES, humanAgent(dm.psid))).status).toBe(200);
    clock.advance(6 * DAY);
    expect((await send(MESSAGES, humanAgent(dm.psid))).body.error).toMatchObject({
      code: 10,
      error_subcode: 2018278,
    });
    // A new message from the person opens the window again.
    await message('Tobias Becker', 'Immer noch kaputt');
    expect((await send(MESSAGES, text(dm.psid))).status).toBe(200);
  });

  it('the Page’s own messages do not extend the window', async () => {
    const { send, message, clock } = fbSetup();
    const dm = await message('Kai Neumann', 'Hallo');
    clock.advance(20 * HOUR);
    expect((await send(MESSAGES, text(dm.psid))).status).toBe(200);
    clock.advance(5 * HOUR);
    expect((await send(MESSAGES, text(dm.psid))).body.error.code).toBe(10);
  });

  it('unknown PSID is code 100 (No matching user found); a person who blocked the Page is 551', async () => {
    const { send, message, app } = fbSetup();
    const unknown = await send(MESSAGES, text('2459999999999999'));
    expect(unknown.body.error).toMatchObject({ code: 100, error_subcode: 2018001 });
    const dm = await message('Olga Petrova', 'Hi');
    await request(app).put(`/_sim/facebook/people/${dm.psid}`).send({ unavailable: true });
    expect((await send(MESSAGES, text(dm.psid))).body.error).toMatchObject({
      message: "(#551) This person isn't available right now.",
      code: 551,
    });
  });

  it('validates the body: recipient, text, messaging_type, tag, length; accepts form fields with JSON', async () => {
    const { send, message, app } = fbSetup();
    const dm = await message('Ben Foster', 'Hello');
    expect((await send(MESSAGES, { message: { text: 'x' } })).body.error.code).toBe(100);
    expect((await send(MESSAGES, text(dm.psid, { messaging_type: 'MESSAGE_TAG' }))).body.error.code).toBe(
      100,
    );
    expect((await send(MESSAGES, text(dm.psid, { messaging_type: 'PROMO' }))).body.error.code).toBe(100);
    expect(
      (await send(MESSAGES, text(dm.psid, { message: { text: 'x'.repeat(2001) } }))).body.error.code,
    ).toBe(100);
    const form = await request(app)
      .post(`${V}${MESSAGES}`)
      .type('form')
      .send({
        access_token: FB_TOKEN,
        recipient: JSON.stringify({ id: dm.psid }),
        messaging_type: 'RESPONSE',
        message: JSON.stringify({ text: 'Thanks, we are on it.' }),
      });
    expect(form.status).toBe(200);
  });
});

describe('Graph: conversations', () => {
  it('lists conversations newest activity first with participants, counts and snippet', async () => {
    const { get, send, message, clock } = fbSetup();
    const lena = await message('Lena Schmidt', 'Hallo, Internet weg');
    clock.advance(60_000);
    const jan = await message('Jan Fischer', 'Rechnung falsch');
    clock.advance(60_000);
    await send(MESSAGES, {
      recipient: { id: lena.psid },
      messaging_type: 'RESPONSE',
      message: { text: 'Wir prüfen das.' },
    });
    const res = await get(`/${PAGE_ID}/conversations`, {
      platform: 'messenger',
      fields: 'id,updated_time,participants,message_count,unread_count,snippet,can_reply',
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      {
        id: lena.conversation_id,
        updated_time: '2026-01-15T10:02:00+0000',
        participants: {
          data: [
            { name: 'Lena Schmidt', email: `${lena.psid}@facebook.com`, id: lena.psid },
            { name: 'Demo Hilft', email: `${PAGE_ID}@facebook.com`, id: PAGE_ID },
          ],
        },
        message_count: 2,
        unread_count: 0,
        snippet: 'Wir prüfen das.',
        can_reply: true,
      },
      expect.objectContaining({ id: jan.conversation_id, unread_count: 1, message_count: 1 }),
    ]);
    expect(lena.conversation_id).toMatch(/^t_\d+$/);
    expect(ids(await get(`/${PAGE_ID}/conversations`, { user_id: jan.psid }))).toEqual([jan.conversation_id]);
    expect((await get(`/${PAGE_ID}/conversations`, { platform: 'instagram' })).body).toEqual({ data: [] });
  });

  it('lists a conversation’s messages newest first with from and to, and pages them', async () => {
    const { get, send, message, clock, app } = fbSetup();
    const dm = await message('Paul Hahn', 'Eins');
    for (const t of ['Zwei', 'Drei']) {
      clock.advance(1000);
      await message('Paul Hahn', t);
    }
    clock.advance(1000);
    const sent = await send(MESSAGES, {
      recipient: { id: dm.psid },
      messaging_type: 'RESPONSE',
      message: { text: 'Vier' },
    });
    const res = await get(`/${dm.conversation_id}/messages`, {
      fields: 'id,message,from,to,created_time',
      limit: 2,
    });
    expect(res.body.data).toEqual([
      {
        id: sent.body.message_id,
        message: 'Vier',
        from: { name: 'Demo Hilft', email: `${PAGE_ID}@facebook.com`, id: PAGE_ID },
        to: { data: [{ name: 'Paul Hahn', email: `${dm.psid}@facebook.com`, id: dm.psid }] },
        created_time: '2026-01-15T10:00:03+0000',
      },
      expect.objectContaining({ message: 'Drei', from: expect.objectContaining({ id: dm.psid }) }),
    ]);
    const rest = await request(app).get(pathOf(res.body.paging.next));
    expect(rest.body.data.map((m: { message: string }) => m.message)).toEqual(['Zwei', 'Eins']);
    expect(rest.body.paging.next).toBeUndefined();
    // Default fields: id and created_time (UNCONFIRMED).
    expect(Object.keys((await get(`/${dm.conversation_id}/messages`)).body.data[0]).sort()).toEqual([
      'created_time',
      'id',
    ]);
    const nested = await get(`/${PAGE_ID}/conversations`, { fields: 'messages.limit(1){message}' });
    expect(nested.body.data[0].messages.data).toEqual([{ message: 'Vier', id: sent.body.message_id }]);
  });
});
