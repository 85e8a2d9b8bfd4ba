import twitterText from 'twitter-text';
import { displayUrl, type UrlEntity } from './tco';

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
  urls?: UrlEntity[];
}

/**
 * Entities in the v2 shape, with code-point indices into `text` (the text as X returns it, links already
 * t.co). Links come from the post's stored url entities, which know the expanded URL.
 * X leaves out kinds that have no entries, and the whole object when all are empty.
 */
export function extractEntities(
  text: string,
  urls: readonly UrlEntity[],
  userIdOf: (username: string) => string | undefined,
): PostEntities | null {
  const out: PostEntities = {};
  const cp = (utf16: number) => [...text.slice(0, utf16)].length;
  const mentions = [];
  const hashtags = [];
  const cashtags = [];
  for (const e of twitterText.extractEntitiesWithIndices(text)) {
    const [start, end] = [cp(e.indices[0]), cp(e.indices[1])];
    if ('screenName' in e && e.screenName) {
      const id = userIdOf(e.screenName);
      mentions.push({ start, end, username: e.screenName, ...(id ? { id } : {}) });
    } else if ('hashtag' in e && e.hashtag) {
      hashtags.push({ start, end, tag: e.hashtag });
    } else if ('cashtag' in e && e.cashtag) {
      cashtags.push({ start, end, tag: e.cashtag });
    }
  }
  if (mentions.length) out.mentions = mentions;
  if (hashtags.length) out.hashtags = hashtags;
  if (cashtags.length) out.cashtags = cashtags;
  if (urls.length) out.urls = urls.map((u) => ({ ...u }));
  return Object.keys(out).length ? out : null;
}

/**
 * Url entities for text X did not rewrite (DM text, in the simulator): the link as written is both `url`
 * and, with a scheme, `expanded_url`. UNCONFIRMED: whether X wraps DM links in t.co.
 */
export function unshortenedUrlEntities(text: string): UrlEntity[] {
  const cp = (utf16: number) => [...text.slice(0, utf16)].length;
  return twitterText.extractUrlsWithIndices(text).map((u) => {
    const expanded = /^https?:\/\//i.test(u.url) ? u.url : `http://${u.url}`;
    return {
      start: cp(u.indices[0]),
      end: cp(u.indices[1]),
      url: u.url,
      expanded_url: expanded,
      display_url: displayUrl(expanded),
    };
  });
}

const GERMAN_HINTS =
  /[äöüß]|\b(und|nicht|kein|seit|ich|wir|mein|meine|ist|das|die|der|bitte|danke|hallo|schon|immer|noch|heute)\b/i;

/** Rough language guess; X's own detection is better, but demo traffic is only German or English. */
export function detectLang(text: string): string {
  const words = text
    .replace(/@\w+/g, '')
    .replace(/https?:\/\/\S+/g, '')
    .trim();
  if (!words) return 'zxx';
  return GERMAN_HINTS.test(words) ? 'de' : 'en';
}
