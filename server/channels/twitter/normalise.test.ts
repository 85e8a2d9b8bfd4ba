import page from './fixtures/mentions-page.json';
import { normaliseXTimeline } from './normalise';
import { xTimelineSchema } from './schemas';

describe('normaliseXTimeline (recorded mentions page in the X API v2 shape)', () => {
  const items = normaliseXTimeline(xTimelineSchema.parse(page), '999');

  it('drops pure retweets: they are not tickets', () => {
    expect(items.map((i) => i.externalId)).not.toContain('1301573000000000001');
    expect(items).toHaveLength(3);
  });

  it('threads a customer follow-up with their first post by conversation_id and author', () => {
    const byId = (id: string) => items.find((i) => i.externalId === id)!;
    const followUp = byId('1301573587187331074');
    const first = byId('1301570000000000000');
    expect(followUp.threadKey).toBe(first.threadKey);
    expect(followUp.threadKey).toBe('1301570000000000000:123');
    expect(followUp.inReplyToExternalId).toBe('1301572000000000000');
  });

  it('maps the author from includes.users', () => {
    expect(items[0]!.author).toEqual({
      platformUserId: '123',
      handle: 'dev',
      name: 'Dev',
      avatarUrl: 'https://pbs.twimg.com/profile_images/1/a_normal.jpg',
      followersCount: 42,
      verified: false,
    });
    expect(items[0]!.createdAt).toBe('2024-01-15T10:30:00.000Z');
  });

  it("marks the account's own posts so they never become tickets", () => {
    const own = items.find((i) => i.externalId === '1301571000000000000');
    expect(own?.fromAccount).toBe(true);
    expect(items.filter((i) => !i.fromAccount)).toHaveLength(2);
  });

  it('accepts an empty page (no data array)', () => {
    expect(normaliseXTimeline(xTimelineSchema.parse({ meta: { result_count: 0 } }), '999')).toEqual([]);
  });
});
