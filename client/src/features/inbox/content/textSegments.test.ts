import type { TextEntities } from '../../../../../common/types';
import { entityHref, splitByEntities } from './textSegments';

const none: TextEntities = { urls: [], mentions: [], hashtags: [] };

function url(
  start: number,
  end: number,
  expandedUrl = 'https://example.com/page',
  displayUrl = 'example.com/page',
) {
  return { start, end, url: 'https://t.co/abc', expandedUrl, displayUrl };
}

describe('splitByEntities', () => {
  it('returns the whole text as one run without entities', () => {
    expect(splitByEntities('Hello there', null)).toEqual([{ kind: 'text', text: 'Hello there' }]);
    expect(splitByEntities('Hello there', none)).toEqual([{ kind: 'text', text: 'Hello there' }]);
    expect(splitByEntities('', null)).toEqual([]);
  });

  it('splits mentions, hashtags and links and shows the display URL', () => {
    const text = '@acme_help my #order https://t.co/abc is late';
    const segments = splitByEntities(text, {
      urls: [url(21, 37)],
      mentions: [{ start: 0, end: 10, username: 'acme_help' }],
      hashtags: [{ start: 14, end: 20, tag: 'order' }],
    });
    expect(segments).toEqual([
      { kind: 'mention', text: '@acme_help', username: 'acme_help' },
      { kind: 'text', text: ' my ' },
      { kind: 'hashtag', text: '#order', tag: 'order' },
      { kind: 'text', text: ' ' },
      { kind: 'url', text: 'example.com/page', href: 'https://example.com/page' },
      { kind: 'text', text: ' is late' },
    ]);
  });

  it('counts offsets in code points, so emoji before an entity do not shift it', () => {
    // '👋🏽' is two code points and four UTF-16 units; '🇩🇪' is two code points too.
    const text = '👋🏽🇩🇪 hi @jane #café';
    const segments = splitByEntities(text, {
      urls: [],
      mentions: [{ start: 8, end: 13, username: 'jane' }],
      hashtags: [{ start: 14, end: 19, tag: 'café' }],
    });
    expect(segments).toEqual([
      { kind: 'text', text: '👋🏽🇩🇪 hi ' },
      { kind: 'mention', text: '@jane', username: 'jane' },
      { kind: 'text', text: ' ' },
      { kind: 'hashtag', text: '#café', tag: 'café' },
    ]);
  });

  it('handles an emoji inside and right after an entity', () => {
    const segments = splitByEntities('#a😀b😀', {
      ...none,
      hashtags: [{ start: 0, end: 4, tag: 'a😀b' }],
    });
    expect(segments).toEqual([
      { kind: 'hashtag', text: '#a😀b', tag: 'a😀b' },
      { kind: 'text', text: '😀' },
    ]);
  });

  it('ignores entities that are out of range, empty, reversed or not integers', () => {
    const text = 'short';
    const segments = splitByEntities(text, {
      urls: [url(0, 99)],
      mentions: [
        { start: -1, end: 2, username: 'x' },
        { start: 3, end: 3, username: 'y' },
        { start: 4, end: 2, username: 'z' },
        { start: 0.5, end: 2, username: 'w' },
      ],
      hashtags: [{ start: Number.NaN, end: 2, tag: 'n' }],
    });
    expect(segments).toEqual([{ kind: 'text', text: 'short' }]);
  });

  it('keeps the first of overlapping entities and shows every character once', () => {
    const text = '@jane #tag rest';
    const segments = splitByEntities(text, {
      urls: [],
      mentions: [{ start: 0, end: 5, username: 'jane' }],
      hashtags: [
        { start: 3, end: 10, tag: 'overlap' },
        { start: 6, end: 10, tag: 'tag' },
      ],
    });
    expect(segments).toEqual([
      { kind: 'mention', text: '@jane', username: 'jane' },
      { kind: 'text', text: ' ' },
      { kind: 'hashtag', text: '#tag', tag: 'tag' },
      { kind: 'text', text: ' rest' },
    ]);
    expect(segments.map((s) => (s.kind === 'url' ? '' : s.text)).join('')).toBe(text);
  });

  it('accepts entities given out of order', () => {
    const segments = splitByEntities('#b @a', {
      urls: [],
      mentions: [{ start: 3, end: 5, username: 'a' }],
      hashtags: [{ start: 0, end: 2, tag: 'b' }],
    });
    expect(segments.map((s) => s.kind)).toEqual(['hashtag', 'text', 'mention']);
  });

  it('leaves links with a non-http target as the posted text, never as a link', () => {
    const text = 'see https://t.co/abc now';
    for (const target of ['javascript:alert(1)', 'data:text/html,x', 'JAVASCRIPT:alert(1)']) {
      const segments = splitByEntities(text, { ...none, urls: [url(4, 20, target, 'example.com')] });
      expect(segments).toEqual([{ kind: 'text', text }]);
    }
  });

  it('falls back to the short link when there is no expanded URL, and to the text without a display URL', () => {
    const segments = splitByEntities('https://t.co/abc', { ...none, urls: [url(0, 16, '', '')] });
    expect(segments).toEqual([{ kind: 'url', text: 'https://t.co/abc', href: 'https://t.co/abc' }]);
  });

  it('copes with a payload missing one of the entity lists', () => {
    const partial = { mentions: [{ start: 0, end: 2, username: 'a' }] } as unknown as TextEntities;
    expect(splitByEntities('@a b', partial)).toEqual([
      { kind: 'mention', text: '@a', username: 'a' },
      { kind: 'text', text: ' b' },
    ]);
  });
});

describe('entityHref', () => {
  it('links X mentions and hashtags to x.com, escaping what is not a plain name', () => {
    expect(entityHref({ kind: 'mention', text: '@jane', username: 'jane' }, 'x')).toBe('https://x.com/jane');
    expect(entityHref({ kind: 'hashtag', text: '#café', tag: 'café' }, 'x')).toBe(
      'https://x.com/hashtag/caf%C3%A9',
    );
    expect(entityHref({ kind: 'mention', text: '@x', username: '../../logout' }, 'x')).toBe(
      'https://x.com/..%2F..%2Flogout',
    );
  });

  it('returns the checked href for links and nothing for plain text', () => {
    expect(entityHref({ kind: 'url', text: 'a.com', href: 'https://a.com/' }, 'x')).toBe('https://a.com/');
    expect(entityHref({ kind: 'text', text: 'hi' }, 'x')).toBeNull();
  });

  it('does not invent X profile links for Facebook', () => {
    expect(entityHref({ kind: 'mention', text: '@jane', username: 'jane' }, 'facebook')).toBeNull();
  });
});
