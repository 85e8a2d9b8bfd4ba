import type { MessageDto } from '../../common/types';
import { DAY, HOUR, messengerWindow, replyOptionsFor } from './replyOptions';

const base = Date.parse('2026-11-20T10:00:00Z');
let n = 0;
function msg(p: Partial<MessageDto> & Pick<MessageDto, 'direction' | 'channel'>, at: number): MessageDto {
  n++;
  return {
    id: `m${n}`,
    conversationId: 'c1',
    text: 'text',
    media: [],
    entities: null,
    quoted: null,
    externalUrl: null,
    contextPost: null,
    moderation: { hidden: false, deleted: false },
    privateReply: false,
    externalId: `ext${n}`,
    inReplyToExternalId: null,
    authorName: 'A',
    authorHandle: null,
    authorUserId: null,
    platformCreatedAt: new Date(at).toISOString(),
    receivedAt: new Date(at).toISOString(),
    deliveryState: p.direction === 'outbound' ? 'sent' : null,
    deliveryError: null,
    createdAt: new Date(at).toISOString(),
    ...p,
  };
}
const option = (opts: ReturnType<typeof replyOptionsFor>, kind: string) => opts.find((o) => o.kind === kind);

describe('replyOptionsFor', () => {
  it('X: public reply with the weighted 280 limit, DMs always offered', () => {
    const opts = replyOptionsFor('x', [msg({ direction: 'inbound', channel: 'public' }, base)], base + HOUR);
    expect(option(opts, 'public')).toMatchObject({ allowed: true, maxLength: 280, weighted: true });
    expect(option(opts, 'dm')).toMatchObject({ allowed: true, weighted: false });
    expect(option(opts, 'private_reply')).toBeUndefined();
  });

  it('X: no public reply when the only public post was deleted', () => {
    const opts = replyOptionsFor(
      'x',
      [msg({ direction: 'inbound', channel: 'public', moderation: { hidden: false, deleted: true } }, base)],
      base,
    );
    expect(option(opts, 'public')).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/no public customer post/),
    });
  });

  it('Facebook comment: public reply and one private reply within 7 days', () => {
    const comment = msg({ direction: 'inbound', channel: 'public' }, base);
    const fresh = replyOptionsFor('facebook', [comment], base + 6 * DAY);
    expect(option(fresh, 'public')).toMatchObject({ allowed: true, weighted: false });
    expect(option(fresh, 'private_reply')).toMatchObject({
      allowed: true,
      until: new Date(base + 7 * DAY).toISOString(),
    });
    expect(option(fresh, 'dm')).toBeUndefined();

    const late = replyOptionsFor('facebook', [comment], base + 7 * DAY + 1);
    expect(option(late, 'private_reply')).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/within 7 days/),
    });

    const answered = msg(
      { direction: 'outbound', channel: 'dm', privateReply: true, inReplyToExternalId: comment.externalId },
      base + HOUR,
    );
    const again = replyOptionsFor('facebook', [comment, answered], base + 2 * HOUR);
    expect(option(again, 'private_reply')).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/already answered privately/),
    });
    // A failed private reply does not use up the one allowed.
    const failed = { ...answered, deliveryState: 'failed' as const };
    expect(
      option(replyOptionsFor('facebook', [comment, failed], base + 2 * HOUR), 'private_reply')?.allowed,
    ).toBe(true);
    // A private reply awaiting approval holds the one allowed; a rejected draft frees it again.
    const pendingDraft = {
      ...answered,
      deliveryState: 'draft' as const,
      approval: { state: 'pending' as const, byUserId: null, byName: null, at: null, reason: null },
    };
    expect(
      option(replyOptionsFor('facebook', [comment, pendingDraft], base + 2 * HOUR), 'private_reply')?.allowed,
    ).toBe(false);
    const rejectedDraft = {
      ...pendingDraft,
      approval: { ...pendingDraft.approval, state: 'rejected' as const },
    };
    expect(
      option(replyOptionsFor('facebook', [comment, rejectedDraft], base + 2 * HOUR), 'private_reply')
        ?.allowed,
    ).toBe(true);
  });

  it('Messenger: RESPONSE within 24 h, HUMAN_AGENT until 7 days, then nothing, always with the reason', () => {
    const dm = msg({ direction: 'inbound', channel: 'dm' }, base);
    const within = replyOptionsFor('facebook', [dm], base + 23 * HOUR);
    expect(option(within, 'dm')).toMatchObject({
      allowed: true,
      reason: null,
      until: new Date(base + DAY).toISOString(),
      maxLength: 2000,
    });
    expect(option(within, 'public')).toBeUndefined();

    const tagged = replyOptionsFor('facebook', [dm], base + 2 * DAY);
    expect(option(tagged, 'dm')).toMatchObject({
      allowed: true,
      reason: expect.stringMatching(/HUMAN_AGENT/),
      until: new Date(base + 7 * DAY).toISOString(),
    });
    expect(messengerWindow([dm], base + 2 * DAY)).toEqual({ tag: 'HUMAN_AGENT', until: base + 7 * DAY });

    const closed = replyOptionsFor('facebook', [dm], base + 8 * DAY);
    expect(option(closed, 'dm')).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/7-day window/),
      until: null,
    });
    // The customer writing again reopens the 24-hour window.
    const again = replyOptionsFor(
      'facebook',
      [dm, msg({ direction: 'inbound', channel: 'dm' }, base + 8 * DAY)],
      base + 8 * DAY + HOUR,
    );
    expect(option(again, 'dm')).toMatchObject({ allowed: true, reason: null });
  });
});

describe('replyOptionsFor: attachments', () => {
  it('allows an image with a Facebook comment reply and on X, and says why not on Messenger', () => {
    const fb = replyOptionsFor(
      'facebook',
      [
        msg({ direction: 'inbound', channel: 'public' }, base),
        msg({ direction: 'inbound', channel: 'dm' }, base + HOUR),
      ],
      base + 2 * HOUR,
    );
    expect(option(fb, 'public')?.attachments).toEqual({ allowed: true, reason: null });
    expect(option(fb, 'private_reply')?.attachments).toMatchObject({
      allowed: false,
      reason: expect.any(String),
    });
    expect(option(fb, 'dm')?.attachments).toMatchObject({ allowed: false, reason: expect.any(String) });

    const x = replyOptionsFor(
      'x',
      [
        msg({ direction: 'inbound', channel: 'public' }, base),
        msg({ direction: 'inbound', channel: 'dm' }, base + HOUR),
      ],
      base + 2 * HOUR,
    );
    expect(x.map((o) => [o.kind, o.attachments])).toEqual([
      ['public', { allowed: true, reason: null }],
      ['dm', { allowed: true, reason: null }],
    ]);
  });
});
