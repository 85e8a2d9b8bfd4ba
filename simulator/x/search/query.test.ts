import { parseSearchQuery, type SearchablePost, tokenize } from './query';

function post(text: string, extra: Partial<SearchablePost> = {}): SearchablePost {
  return {
    id: '1',
    tokens: tokenize(text),
    authorId: '10',
    authorUsername: 'Lena',
    authorVerified: false,
    inReplyToUserId: null,
    inReplyToUsername: null,
    conversationId: '1',
    lang: 'de',
    isRetweet: false,
    isReply: false,
    isQuote: false,
    mediaTypes: [],
    expandedUrls: [],
    mentions: [],
    hashtags: [],
    cashtags: [],
    ...extra,
  };
}

function matches(query: string, p: SearchablePost): boolean {
  const parsed = parseSearchQuery(query);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.matches(p);
}

function refusal(query: string): string {
  const parsed = parseSearchQuery(query);
  if (parsed.ok) throw new Error(`${query} was accepted`);
  return parsed.message;
}

describe('recent search query language', () => {
  it('matches every keyword, case-insensitively, as whole words', () => {
    const p = post('Mein ROUTER ist seit gestern kaputt, Telekom!');
    expect(matches('router telekom', p)).toBe(true);
    expect(matches('router vodafone', p)).toBe(false);
    // Tokenised, not substring: "rout" is not a word of the text.
    expect(matches('rout', p)).toBe(false);
  });

  it('matches quoted phrases only with the words in order', () => {
    const p = post('Das Internet ist weg, schon wieder');
    expect(matches('"internet ist weg"', p)).toBe(true);
    expect(matches('"weg ist internet"', p)).toBe(false);
  });

  it('binds AND tighter than OR and honours parentheses and negation', () => {
    const router = post('router kaputt');
    const dsl = post('dsl langsam');
    expect(matches('router kaputt OR dsl schnell', router)).toBe(true);
    expect(matches('router kaputt OR dsl schnell', dsl)).toBe(false);
    expect(matches('(router OR dsl) -kaputt', router)).toBe(false);
    expect(matches('(router OR dsl) -kaputt', dsl)).toBe(true);
    expect(matches('-(router OR dsl) langsam', dsl)).toBe(false);
    // Lower-case "or" is a keyword.
    expect(matches('router or', router)).toBe(false);
  });

  it('filters by author, language, retweets, replies, quotes, media and mentions', () => {
    const rt = post('RT @brand: hallo', { isRetweet: true, mentions: ['brand'], authorUsername: 'mia' });
    const plain = post('hallo brand', { lang: 'en', mediaTypes: ['photo'], authorId: '77' });
    expect(matches('hallo -is:retweet', rt)).toBe(false);
    expect(matches('hallo -is:retweet', plain)).toBe(true);
    expect(matches('hallo -from:MIA', rt)).toBe(false);
    expect(matches('hallo from:77', plain)).toBe(true);
    expect(matches('hallo lang:de', plain)).toBe(false);
    expect(matches('@brand', rt)).toBe(true);
    expect(matches('@brand', plain)).toBe(false);
    expect(matches('hallo has:images', plain)).toBe(true);
    expect(matches('hallo has:videos', plain)).toBe(false);
    expect(matches('#billing', post('x', { hashtags: ['billing'] }))).toBe(true);
    expect(matches('url:"example.com/foto"', post('x', { expandedUrls: ['https://example.com/foto'] }))).toBe(
      true,
    );
    expect(matches('to:brand', post('x', { inReplyToUsername: 'Brand', isReply: true }))).toBe(true);
  });

  it('refuses operators it does not offer, naming the operator and its position', () => {
    expect(refusal('router place:berlin')).toBe(
      "There were errors processing your request: Reference to invalid operator 'place'. Operator is not " +
        'available in current product or product packaging. Please refer to complete available operator list ' +
        'at https://developer.twitter.com/en/docs/twitter-api/tweets/search/integrate/build-a-query#list. ' +
        '(at position 8)',
    );
    expect(refusal('router is:pinned')).toMatch(/invalid operator 'is:pinned'/);
    expect(refusal('from:')).toMatch(/invalid operator 'from'/);
  });

  it('refuses bad syntax and queries without a positive standalone clause', () => {
    expect(refusal('router OR')).toMatch(/no viable alternative at input '<EOF>'/);
    expect(refusal('(router')).toMatch(/missing '\)'/);
    expect(refusal('router)')).toMatch(/extraneous input '\)' .*\(at position 7\)/);
    expect(refusal('"router')).toMatch(/expecting '"'/);
    expect(refusal('-router')).toMatch(/non-negation term/);
    expect(refusal('-is:retweet lang:de')).toMatch(/standalone operator/);
  });
});
