import type { TextEntities } from '../../../common/types';
import dmPage from './fixtures/dm-events-page.json';
import richPage from './fixtures/mentions-rich-page.json';
import { dmCounterpart, normaliseXDmEvents, normaliseXTimeline } from './normalise';
import { xDmEventsSchema, xTimelineSchema } from './schemas';

const ACCOUNT = '999';

/** The characters an entity covers, counted in code points as X counts them. */
const covered = (text: string, e: { start: number; end: number }) =>
  Array.from(text).slice(e.start, e.end).join('');

describe('normaliseXTimeline: rich content of a recorded mentions page', () => {
  const items = normaliseXTimeline(xTimelineSchema.parse(richPage), ACCOUNT);
  const byId = (id: string) => {
    const item = items.find((i) => i.externalId === id);
    if (!item) throw new Error(`no item ${id}`);
    return item;
  };

  it('keeps every post of the page, newest first', () => {
    expect(items.map((i) => i.externalId)).toEqual([
      '1746000000000000005',
      '1746000000000000004',
      '1746000000000000003',
      '1746000000000000002',
      '1746000000000000001',
    ]);
  });

  describe('media', () => {
    it('shows a photo at its full https URL with its alt text and size', () => {
      expect(byId('1746000000000000001').context.media[0]).toEqual({
        type: 'photo',
        url: 'https://pbs.twimg.com/media/GMx1746Router.jpg',
        altText: 'Router-Display mit Fehler E42',
        width: 1200,
        height: 900,
      });
    });

    it('drops a media item served over plain http, and a media key missing from includes', () => {
      const media = byId('1746000000000000001').context.media;
      expect(media.map((m) => m.url)).toEqual(['https://pbs.twimg.com/media/GMx1746Router.jpg']);
      expect(media.some((m) => m.url.startsWith('http:'))).toBe(false);
    });

    it('shows a video as its https preview image', () => {
      expect(byId('1746000000000000002').context.media).toEqual([
        {
          type: 'video',
          url: 'https://pbs.twimg.com/ext_tw_video_thumb/1746000000000000021/pu/img/AbCdEf.jpg',
          altText: null,
          width: 1280,
          height: 720,
        },
      ]);
    });

    it('gives posts without attachments no media', () => {
      expect(byId('1746000000000000003').context.media).toEqual([]);
    });
  });

  describe('entities', () => {
    const post = byId('1746000000000000003');
    const entities = post.context.entities as TextEntities;

    it('maps links with their expanded and display forms', () => {
      expect(entities.urls).toEqual([
        {
          start: 61,
          end: 84,
          url: 'https://t.co/St4tusLk3c',
          expandedUrl: 'https://status.acme.example/berlin',
          displayUrl: 'status.acme.example/berlin',
        },
      ]);
    });

    it('maps mentions and hashtags', () => {
      expect(entities.mentions).toEqual([
        { start: 2, end: 13, username: 'acme_hilft' },
        { start: 90, end: 98, username: 'dev_ops' },
      ]);
      expect(entities.hashtags).toEqual([
        { start: 27, end: 35, tag: 'Störung' },
        { start: 99, end: 106, tag: 'kaputt' },
      ]);
    });

    it('keeps the code-point offsets, so every entity still covers its own text after the emoji', () => {
      expect(entities.mentions.map((m) => covered(post.text, m))).toEqual(['@acme_hilft', '@dev_ops']);
      expect(entities.hashtags.map((h) => covered(post.text, h))).toEqual(['#Störung', '#kaputt']);
      expect(entities.urls.map((u) => covered(post.text, u))).toEqual(['https://t.co/St4tusLk3c']);
      // The emoji count twice in UTF-16: offsets converted to string indices would cut the wrong text.
      expect(post.text.slice(entities.mentions[1]!.start, entities.mentions[1]!.end)).not.toBe('@dev_ops');
    });

    it('falls back to the t.co link when X sends no expanded or display form', () => {
      const bare = xTimelineSchema.parse({
        data: [
          {
            id: '1',
            text: 'siehe https://t.co/abcdefghij',
            author_id: '123',
            entities: { urls: [{ start: 6, end: 29, url: 'https://t.co/abcdefghij' }] },
          },
        ],
        meta: { result_count: 1 },
      });
      expect(normaliseXTimeline(bare, ACCOUNT)[0]!.context.entities).toEqual({
        urls: [
          {
            start: 6,
            end: 29,
            url: 'https://t.co/abcdefghij',
            expandedUrl: 'https://t.co/abcdefghij',
            displayUrl: 'https://t.co/abcdefghij',
          },
        ],
        mentions: [],
        hashtags: [],
      });
    });

    it('has no entities when X sent none', () => {
      const plain = xTimelineSchema.parse({
        data: [{ id: '2', text: 'hallo', author_id: '123' }],
        meta: { result_count: 1 },
      });
      expect(normaliseXTimeline(plain, ACCOUNT)[0]!.context.entities).toBeNull();
    });
  });

  describe('quote posts', () => {
    it('shows the quoted post with its author, both taken from includes', () => {
      expect(byId('1746000000000000004').context.quoted).toEqual({
        externalId: '1745999999999999999',
        text: 'Seit Stunden kein Netz in Kreuzberg, @acme_hilft?',
        authorName: 'Someone',
        authorHandle: 'someone',
        url: 'https://x.com/someone/status/1745999999999999999',
      });
    });

    it('shows no quoted post when X could not return it (deleted or protected)', () => {
      const item = byId('1746000000000000005');
      expect(item.context.quoted).toBeNull();
      expect(item.text).toBe('@acme_hilft ist das bei euch bekannt? https://t.co/Qu0teLnk5e');
    });

    it('does not treat a reply as a quote', () => {
      expect(byId('1746000000000000002').context.quoted).toBeNull();
      expect(byId('1746000000000000002').inReplyToExternalId).toBe('1746000000000000001');
    });
  });

  it('links every post to its page on x.com under the author handle', () => {
    expect(byId('1746000000000000004').context.url).toBe('https://x.com/lena_k/status/1746000000000000004');
    expect(byId('1746000000000000001').context.url).toBe('https://x.com/dev/status/1746000000000000001');
  });

  it("threads the customer's video reply with their first post", () => {
    expect(byId('1746000000000000002').threadKey).toBe('1746000000000000001:123');
    expect(byId('1746000000000000001').threadKey).toBe('1746000000000000001:123');
    expect(byId('1746000000000000004').threadKey).toBe('1746000000000000004:789');
  });
});

describe('normaliseXDmEvents: a recorded DM events page', () => {
  const items = normaliseXDmEvents(xDmEventsSchema.parse(dmPage), ACCOUNT);
  const byId = (id: string) => {
    const item = items.find((i) => i.externalId === id);
    if (!item) throw new Error(`no item ${id}`);
    return item;
  };

  it('keeps the messages and ignores a participant joining a group', () => {
    expect(items.map((i) => i.externalId)).toEqual([
      '1746100000000000005',
      '1746100000000000003',
      '1746100000000000002',
    ]);
    expect(items.every((i) => i.channel === 'dm')).toBe(true);
  });

  it("puts the customer's message and the account's answer in one conversation", () => {
    const customer = byId('1746100000000000003');
    const answer = byId('1746100000000000002');
    expect(customer.threadKey).toBe('dm:123-999');
    expect(answer.threadKey).toBe('dm:123-999');
    expect(byId('1746100000000000005').threadKey).toBe('dm:999-4500000000');
  });

  it('marks only the message the account sent as fromAccount', () => {
    expect(items.map((i) => [i.externalId, i.fromAccount])).toEqual([
      ['1746100000000000005', false],
      ['1746100000000000003', false],
      ['1746100000000000002', true],
    ]);
  });

  it('names the customer as counterpart, whichever side of the conversation id the account is on', () => {
    expect(byId('1746100000000000003').context.counterpartId).toBe('123');
    expect(byId('1746100000000000002').context.counterpartId).toBe('123');
    expect(byId('1746100000000000005').context.counterpartId).toBe('4500000000');
    expect(byId('1746100000000000002').context.dmConversationId).toBe('123-999');
  });

  it('keeps the text, sender, time and attachments of each message; DMs have no public link', () => {
    const customer = byId('1746100000000000003');
    expect(customer).toMatchObject({
      text: 'Danke, die Kundennummer ist 4711-0815',
      createdAt: '2024-05-02T09:15:42.000Z',
      inReplyToExternalId: null,
      author: { platformUserId: '123', handle: 'dev', name: 'Dev', followersCount: 42 },
    });
    expect(customer.context).toMatchObject({ url: null, quoted: null, entities: null, media: [] });
    expect(byId('1746100000000000002').author).toMatchObject({ handle: 'acme_hilft', verified: true });
    expect(byId('1746100000000000005').context.media).toEqual([
      {
        type: 'photo',
        url: 'https://ton.twimg.com/1.1/ton/data/dm/1746100000000000005/1746100000000000004/Vertrag.jpg',
        altText: null,
        width: 1024,
        height: 1365,
      },
    ]);
  });

  it('accepts an empty page', () => {
    expect(normaliseXDmEvents(xDmEventsSchema.parse({ meta: { result_count: 0 } }), ACCOUNT)).toEqual([]);
  });
});

describe('dmCounterpart', () => {
  it('is the other id of a one-to-one conversation', () => {
    expect(dmCounterpart('123-999', '999')).toBe('123');
    expect(dmCounterpart('999-4500000000', '999')).toBe('4500000000');
  });

  it('is unknown for a group conversation id', () => {
    expect(dmCounterpart('1746099999999999999', '999')).toBeNull();
  });
});
