import twitterText from 'twitter-text';

/** Weighted length as X counts it (URLs count 23, CJK and emoji count double). */
export function weightedLength(text: string): number {
  return twitterText.parseTweet(text).weightedLength;
}

export function mentionedUsernames(text: string): string[] {
  return twitterText.extractMentions(text).map((u) => u.toLowerCase());
}

export interface PostEntities {
  mentions?: Array<{ start: number; end: number; username: string; id?: string }>;
  hashtags?: Array<{ start: number; end: number; tag: string }>;
  cashtags?: Array<{ start: number; end: number; tag: string }>;
  urls?: Array<{ start: number; end: number; url: string; expanded_url: string; display_url: string }>;
}

/** Entities in the v2 shape; X leaves out kinds that have no entries, and the whole object when all are empty. */
export function extractEntities(
  text: string,
  userIdOf: (username: string) => string | undefined,
): PostEntities | null {
  const out: PostEntities = {};
  const mentions = twitterText.extractMentionsWithIndices(text).map((m) => {
    const id = userIdOf(m.screenName);
    return { start: m.indices[0], end: m.indices[1], username: m.screenName, ...(id ? { id } : {}) };
  });
  if (mentions.length) out.mentions = mentions;
  const hashtags = twitterText
    .extractHashtagsWithIndices(text)
    .map((h) => ({ start: h.indices[0], end: h.indices[1], tag: h.hashtag }));
  if (hashtags.length) out.hashtags = hashtags;
  const cashtags = twitterText
    .extractCashtagsWithIndices(text)
    .map((c) => ({ start: c.indices[0], end: c.indices[1], tag: c.cashtag }));
  if (cashtags.length) out.cashtags = cashtags;
  const urls = twitterText.extractUrlsWithIndices(text).map((u) => ({
    start: u.indices[0],
    end: u.indices[1],
    // Real posts carry t.co links; a stable fake keeps the shape without pretending to shorten anything.
    url: `https://t.co/sim${Buffer.from(u.url).toString('base64url').slice(0, 7)}`,
    expanded_url: u.url.startsWith('http') ? u.url : `https://${u.url}`,
    display_url: u.url.replace(/^https?:\/\//, ''),
  }));
  if (urls.length) out.urls = urls;
  return Object.keys(out).length ? out : null;
}

const GERMAN_HINTS =
  /[äöüß]|\b(und|nicht|kein|seit|ich|wir|mein|meine|ist|das|die|der|bitte|danke|hallo|schon|immer|noch|heute)\b/i;

/** Rough language guess; X's own detection is better, but demo traffic is only German or English. */
export function detectLang(text: string): string {
  const words = text.replace(/@\w+/g, '').trim();
  if (!words) return 'zxx';
  return GERMAN_HINTS.test(words) ? 'de' : 'en';
}
