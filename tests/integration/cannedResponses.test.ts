import type {
  CannedResponseDto,
  ConversationListResponse,
  ConversationResponse,
  MessageDto,
} from '../../common/types';
import { DEMO_CANNED_RESPONSES, seedDemoCannedResponses } from '../../server/runtime/cannedResponses';
import { fbActivity, fbComment, fbPagePost } from '../helpers/fbSim';
import { type Stack, startStack, waitFor } from '../helpers/stack';

const PUBLIC_URL = 'https://caredesk.example.test';
// The smallest valid PNG (1×1 transparent pixel).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** Canned responses (CRUD, roles, search) and image attachments on Facebook comment replies. */
describe('canned responses and attachments', () => {
  let stack: Stack;
  let agent: string;
  let lead: string;
  let admin: string;

  beforeAll(async () => {
    stack = await startStack({ queue: 'postgres', pollEveryMs: 500, facebook: true, publicUrl: PUBLIC_URL });
    [agent, lead, admin] = await Promise.all([
      stack.login('anna@demo.caredesk'),
      stack.login('lea@demo.caredesk'),
      stack.login('admin@demo.caredesk'),
    ]);
  });
  afterAll(async () => {
    await stack?.close();
  });

  const list = async (cookie: string, q?: string) => {
    const res = await stack.api(
      cookie,
      'GET',
      `/api/canned-responses${q === undefined ? '' : `?q=${encodeURIComponent(q)}`}`,
    );
    expect(res.status).toBe(200);
    return res.body.items as CannedResponseDto[];
  };
  const refund = {
    shortcut: 'refund',
    title: 'Refund on the way',
    body: 'Hi {{customer.name}}, your refund is on its way. ^{{agent.initials}}',
    language: 'en',
  };

  it('lets leads and admins create, update and delete; agents only read', async () => {
    expect((await stack.api(agent, 'POST', '/api/canned-responses', refund)).status).toBe(403);

    const created = await stack.api(lead, 'POST', '/api/canned-responses', refund);
    expect(created.status).toBe(201);
    expect(created.body.item).toMatchObject({ ...refund, teamId: null });
    const id = created.body.item.id as string;
    expect((await list(agent)).map((c) => c.shortcut)).toEqual(['refund']);

    expect((await stack.api(agent, 'PATCH', `/api/canned-responses/${id}`, { title: 'x' })).status).toBe(403);
    const updated = await stack.api(admin, 'PATCH', `/api/canned-responses/${id}`, {
      title: 'Refund started',
    });
    expect(updated.status).toBe(200);
    expect(updated.body.item).toMatchObject({ shortcut: 'refund', title: 'Refund started' });

    expect((await stack.api(agent, 'DELETE', `/api/canned-responses/${id}`)).status).toBe(403);
    expect((await stack.api(lead, 'DELETE', `/api/canned-responses/${id}`)).status).toBe(204);
    expect(await list(agent)).toEqual([]);
    expect((await stack.api(lead, 'DELETE', `/api/canned-responses/${id}`)).status).toBe(404);
  });

  it('refuses a duplicate shortcut with 409 and bad input with the field named', async () => {
    const first = await stack.api(lead, 'POST', '/api/canned-responses', { ...refund, shortcut: 'dup' });
    expect(first.status).toBe(201);
    const again = await stack.api(lead, 'POST', '/api/canned-responses', {
      ...refund,
      shortcut: 'DUP',
      title: 'Other',
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: 'shortcut_taken',
      message: expect.stringContaining('dup'),
    });

    const other = await stack.api(lead, 'POST', '/api/canned-responses', { ...refund, shortcut: 'other' });
    const renamed = await stack.api(lead, 'PATCH', `/api/canned-responses/${other.body.item.id}`, {
      shortcut: 'dup',
    });
    expect(renamed.status).toBe(409);

    const unknown = await stack.api(lead, 'POST', '/api/canned-responses', {
      ...refund,
      shortcut: 'bad',
      body: 'Hi {{customer.firstname}}',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({
      field: 'body',
      message: expect.stringContaining('{{customer.firstname}}'),
    });
    const spaces = await stack.api(lead, 'POST', '/api/canned-responses', { ...refund, shortcut: 'a b' });
    expect(spaces.status).toBe(400);
    expect(spaces.body.error.field).toBe('shortcut');
  });

  it('searches shortcut, title and body, shortcut matches first', async () => {
    await seedDemoCannedResponses(stack.core.db);
    const all = await list(agent);
    for (const demo of DEMO_CANNED_RESPONSES) expect(all.map((c) => c.shortcut)).toContain(demo.shortcut);

    expect((await list(agent, 'rout')).map((c) => c.shortcut)).toEqual(['router']);
    // "Störung" appears in the title of one response only.
    expect((await list(agent, 'Störung')).map((c) => c.shortcut)).toEqual(['stoerung']);
    // "Kundennummer" only in a body.
    expect((await list(agent, 'kundennummer')).map((c) => c.shortcut)).toEqual(['dm']);
    // "refund" is a shortcut and also in the body of "dup"/"other": the shortcut comes first.
    const refundHits = (await list(agent, 'refund')).map((c) => c.shortcut);
    expect(refundHits[0]).toBe('refund');
    expect(refundHits).toEqual(expect.arrayContaining(['dup', 'other']));
    expect(await list(agent, 'nothing-matches-this')).toEqual([]);
    // LIKE wildcards are searched for literally.
    expect(await list(agent, '%')).toEqual([]);
  });

  it('uploads only images, within the size limit, served at an unguessable public URL', async () => {
    const upload = async (cookie: string, data: Buffer, name: string, type: string) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(data)], { type }), name);
      const res = await fetch(`${stack.web.url}/api/attachments`, {
        method: 'POST',
        headers: { cookie, 'x-caredesk-request': '1' },
        body: form,
      });
      return { status: res.status, body: await res.json() };
    };
    const ok = await upload(agent, PNG, 'pixel.png', 'image/png');
    expect(ok.status).toBe(201);
    expect(ok.body.attachment).toMatchObject({ contentType: 'image/png', byteSize: PNG.length });
    expect(ok.body.attachment.url).toMatch(/^\/media\/[A-Za-z0-9_-]{32}$/);
    const served = await fetch(`${stack.web.url}${ok.body.attachment.url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await fetch(`${stack.web.url}/media/${'A'.repeat(32)}`)).status).toBe(404);

    // A text file called .png is still not an image.
    const fake = await upload(agent, Buffer.from('hello'), 'fake.png', 'image/png');
    expect(fake.status).toBe(415);
    const big = await upload(
      agent,
      Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]),
      'big.png',
      'image/png',
    );
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('file_too_large');
  });

  it('sends a Facebook comment reply with its image exactly once; private replies refuse them', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'map.png');
    const uploaded = await fetch(`${stack.web.url}/api/attachments`, {
      method: 'POST',
      headers: { cookie: agent, 'x-caredesk-request': '1' },
      body: form,
    });
    const attachment = (await uploaded.json()).attachment as { id: string; url: string };

    const postId = await fbPagePost(stack.sim, 'Störungskarte für heute');
    const commentId = await fbComment(stack.sim, {
      postId,
      from: 'Mara Bild',
      message: 'Wo genau ist die Störung?',
    });
    const conv = await waitFor(
      async () =>
        (
          (await stack.api(agent, 'GET', '/api/conversations?status=all&limit=200'))
            .body as ConversationListResponse
        ).items.find((c) => c.contact.name === 'Mara Bild'),
      { what: 'the comment conversation' },
    );
    const detail = async () =>
      ((await stack.api(agent, 'GET', `/api/conversations/${conv.id}`)).body as ConversationResponse)
        .conversation;
    const options = (await detail()).replyOptions;
    expect(options.find((o) => o.kind === 'public')?.attachments).toEqual({ allowed: true, reason: null });
    expect(options.find((o) => o.kind === 'private_reply')?.attachments?.allowed).toBe(false);

    const privately = await stack.api(agent, 'POST', `/api/conversations/${conv.id}/replies`, {
      text: 'Privat mit Bild',
      channel: 'private_reply',
      idempotencyKey: 'attach-private-1',
      attachmentId: attachment.id,
    });
    expect(privately.status).toBe(422);
    expect(privately.body.error.code).toBe('attachment_not_allowed');

    const res = await stack.api(agent, 'POST', `/api/conversations/${conv.id}/replies`, {
      text: 'Hier die Karte der Störung.',
      channel: 'public',
      idempotencyKey: 'attach-public-1',
      attachmentId: attachment.id,
    });
    expect(res.status).toBe(202);
    const sent = await waitFor(
      async () => {
        const m = (await detail()).messages.find((x: MessageDto) => x.id === res.body.message.id);
        return m?.deliveryState === 'sent' || m?.deliveryState === 'failed' ? m : null;
      },
      { what: 'the reply to settle' },
    );
    expect(sent.deliveryState).toBe('sent');
    const replies = (await fbActivity(stack.sim)).filter(
      (a) => a.type === 'comment_reply' && a.object_id === commentId,
    );
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({
      text: 'Hier die Karte der Störung. ^AB',
      attachment_url: `${PUBLIC_URL}${attachment.url}`,
    });
  });
});
