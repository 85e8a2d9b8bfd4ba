import { createHash } from 'node:crypto';
import type { ConversationListResponse, ConversationResponse, MessageDto } from '../../common/types';
import { simDm, simFault, simPost, simPostsBy, simStats } from '../helpers/sim';
import { simCall } from '../helpers/simCall';
import { type Stack, startStack, waitFor } from '../helpers/stack';

// A valid PNG header followed by filler: the server sniffs the type, X gets the bytes as they are.
const PNG = Buffer.concat([
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  ),
  Buffer.from(Array.from({ length: 1024 * 1024 + 500 }, (_, i) => (i * 7) % 256)),
]);
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

interface SimUpload {
  id: string;
  media_key: string;
  media_category: string;
  state: string;
  sha256?: string;
  posts: string[];
  dms: string[];
}

/**
 * Images on X replies and DMs, end to end: uploaded to Caredesk, sent by the outbound worker through
 * the X adapter (v2 chunked upload, then the post or DM with the media id), with faults on the upload.
 * No PUBLIC_URL: X takes the bytes, not a link.
 */
describe('images on X replies and DMs', () => {
  let stack: Stack;
  let cookie: string;

  beforeAll(async () => {
    stack = await startStack({ queue: 'postgres', pollEveryMs: 500, outboundAttempts: 3 });
    cookie = await stack.login();
  });
  afterAll(async () => {
    await stack?.close();
  });

  const uploads = async () => (await simCall<{ data: SimUpload[] }>(stack.sim, 'GET', '/_sim/x/media')).data;
  const uploadedBytes = async (id: string) =>
    Buffer.from(await (await fetch(`${stack.sim.url}/_sim/x/media/${id}/content`)).arrayBuffer());

  async function attach(): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'karte.png');
    const res = await fetch(`${stack.web.url}/api/attachments`, {
      method: 'POST',
      headers: { cookie, 'x-caredesk-request': '1' },
      body: form,
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { attachment: { id: string } }).attachment.id;
  }

  const conversationOf = (handle: string) =>
    waitFor(
      async () =>
        (
          (await stack.api(cookie, 'GET', '/api/conversations?status=all')).body as ConversationListResponse
        ).items.find((c) => c.contact.handle === handle),
      { what: `the conversation of @${handle}` },
    );

  async function replyAndSettle(handle: string, text: string, channel: 'public' | 'dm'): Promise<MessageDto> {
    const conversation = await conversationOf(handle);
    const detail = async () =>
      ((await stack.api(cookie, 'GET', `/api/conversations/${conversation.id}`)).body as ConversationResponse)
        .conversation;
    expect((await detail()).replyOptions.find((o) => o.kind === channel)?.attachments).toEqual({
      allowed: true,
      reason: null,
    });
    const res = await stack.api(cookie, 'POST', `/api/conversations/${conversation.id}/replies`, {
      text,
      channel,
      idempotencyKey: `media-${handle}`,
      attachmentId: await attach(),
    });
    expect(res.status).toBe(202);
    return waitFor(
      async () => {
        const m = (await detail()).messages.find((x) => x.id === res.body.message.id);
        return m?.deliveryState === 'sent' || m?.deliveryState === 'failed' ? m : null;
      },
      { what: `the reply to @${handle} to settle`, timeoutMs: 30_000 },
    );
  }

  it('posts a public reply with the image exactly once, bytes unchanged', async () => {
    const post = await simPost(stack.sim, {
      username: 'bild_berta',
      text: `@${stack.brand.username} Karte?`,
    });
    const before = await simStats(stack.sim);
    const settled = await replyAndSettle('bild_berta', 'Hier die Störungskarte.', 'public');
    expect(settled.deliveryState).toBe('sent');
    const replies = (await simPostsBy(stack.sim, stack.brand.username)).filter((p) => p.in_reply_to === post);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.id).toBe(settled.externalId);
    const attached = (await uploads()).filter((u) => u.posts.includes(replies[0]!.id));
    expect(attached).toHaveLength(1);
    expect(attached[0]).toMatchObject({ media_category: 'tweet_image', sha256: sha256(PNG) });
    expect((await uploadedBytes(attached[0]!.id)).equals(PNG)).toBe(true);
    expect((await simStats(stack.sim)).brandPostsCreated - before.brandPostsCreated).toBe(1);
  });

  it('sends a DM with the image exactly once', async () => {
    await simPost(stack.sim, { username: 'dm_bild_dora', text: `@${stack.brand.username} Bitte per DM` });
    await conversationOf('dm_bild_dora');
    await simDm(stack.sim, { username: 'dm_bild_dora' }, 'Welches Formular?');
    const before = await simStats(stack.sim);
    const settled = await replyAndSettle('dm_bild_dora', 'Dieses Formular bitte.', 'dm');
    expect(settled).toMatchObject({ deliveryState: 'sent', channel: 'dm' });
    const dms = (
      await simCall<{ data: Array<{ id: string; text: string; sender: string; media_keys?: string[] }> }>(
        stack.sim,
        'GET',
        '/_sim/x/dms?with=dm_bild_dora',
      )
    ).data.filter((d) => d.sender === stack.brand.username);
    expect(dms).toHaveLength(1);
    expect(dms[0]).toMatchObject({ id: settled.externalId, text: 'Dieses Formular bitte. ^AB' });
    const attached = (await uploads()).filter((u) => u.dms.includes(dms[0]!.id));
    expect(attached).toHaveLength(1);
    expect(dms[0]!.media_keys).toEqual([attached[0]!.media_key]);
    expect(attached[0]).toMatchObject({ media_category: 'dm_image', sha256: sha256(PNG) });
    expect((await simStats(stack.sim)).brandDmsCreated - before.brandDmsCreated).toBe(1);
  });

  it('retries after a failed upload and posts once', async () => {
    const post = await simPost(stack.sim, { username: 'upload_uwe', text: `@${stack.brand.username} Bild?` });
    await conversationOf('upload_uwe');
    await simFault(stack.sim, 'POST /2/media/upload/:id/append', '500', 1);
    const before = await simStats(stack.sim);
    const settled = await replyAndSettle('upload_uwe', 'Bild nach Fehler.', 'public');
    expect(settled.deliveryState).toBe('sent');
    const after = await simStats(stack.sim);
    expect(
      after.requests['POST /2/media/upload/initialize']! -
        (before.requests['POST /2/media/upload/initialize'] ?? 0),
    ).toBe(2);
    expect(after.brandPostsCreated - before.brandPostsCreated).toBe(1);
    const replies = (await simPostsBy(stack.sim, stack.brand.username)).filter((p) => p.in_reply_to === post);
    expect(replies).toHaveLength(1);
    const attached = (await uploads()).filter((u) => u.posts.includes(replies[0]!.id));
    expect(attached).toHaveLength(1);
    expect((await uploadedBytes(attached[0]!.id)).equals(PNG)).toBe(true);
  });

  it('does not post twice when the post failed after the upload, or its answer was lost', async () => {
    for (const [handle, kind] of [
      ['post_fail_paul', '500'],
      ['post_lost_lisa', 'malformed'],
    ] as const) {
      const post = await simPost(stack.sim, { username: handle, text: `@${stack.brand.username} Bild?` });
      await conversationOf(handle);
      // The image is uploaded, then the post fails (500: not created; malformed: created, answer lost).
      await simFault(stack.sim, 'POST /2/tweets', kind, 1);
      const before = await simStats(stack.sim);
      const settled = await replyAndSettle(handle, `Bild trotz ${kind}.`, 'public');
      expect(settled.deliveryState).toBe('sent');
      const replies = (await simPostsBy(stack.sim, stack.brand.username)).filter(
        (p) => p.in_reply_to === post,
      );
      expect(replies).toHaveLength(1);
      expect(settled.externalId).toBe(replies[0]!.id);
      expect((await simStats(stack.sim)).brandPostsCreated - before.brandPostsCreated).toBe(1);
      expect((await uploads()).filter((u) => u.posts.includes(replies[0]!.id))).toHaveLength(1);
    }
  });
});
