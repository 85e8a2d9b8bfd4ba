import { createHash } from 'node:crypto';
import twitterText from 'twitter-text';

/**
 * X stores and returns post text with every link replaced by a 23-character t.co link; the original
 * is only in `entities.urls[].expanded_url`. Indices are code points into the returned text.
 */

export interface UrlEntity {
  start: number;
  end: number;
  url: string;
  expanded_url: string;
  display_url: string;
  /** Set on the link X appends for attached media. */
  media_key?: string;
}

export interface LinkedText {
  text: string;
  urls: UrlEntity[];
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CODE_LENGTH = 10;
// UNCONFIRMED: how X shortens display_url; long ones are cut with an ellipsis at about this length.
const DISPLAY_URL_MAX = 25;

/** Hands out unique t.co links; a counter through a hash keeps them stable for a given sequence of posts. */
export class TcoShortener {
  private seq = 0;

  next(): string {
    this.seq += 1;
    const digest = createHash('sha256').update(`t.co/${this.seq}`).digest();
    let code = '';
    for (let i = 0; i < CODE_LENGTH; i++) code += BASE62[digest[i]! % BASE62.length];
    return `https://t.co/${code}`;
  }
}

/** Replaces every URL twitter-text recognises with a fresh t.co link. */
export function shortenUrls(text: string, shortener: TcoShortener): LinkedText {
  const found = twitterText.extractUrlsWithIndices(text);
  let out = '';
  let from = 0;
  const urls: UrlEntity[] = [];
  for (const u of found) {
    out += text.slice(from, u.indices[0]);
    const url = shortener.next();
    const start = codePoints(out);
    out += url;
    // UNCONFIRMED: a link written without a scheme is expanded with http://, as twitter.com used to.
    const expanded = /^https?:\/\//i.test(u.url) ? u.url : `http://${u.url}`;
    urls.push({
      start,
      end: start + codePoints(url),
      url,
      expanded_url: expanded,
      display_url: displayUrl(expanded),
    });
    from = u.indices[1];
  }
  out += text.slice(from);
  return { text: out, urls };
}

/** Appends one more link (a quoted post's permalink, the media link) after a space, as X does. */
export function appendLink(
  linked: LinkedText,
  link: { expanded: string; display?: string; mediaKey?: string },
  shortener: TcoShortener,
): LinkedText {
  const url = shortener.next();
  const prefix = linked.text === '' ? '' : `${linked.text} `;
  const start = codePoints(prefix);
  const entity: UrlEntity = {
    start,
    end: start + codePoints(url),
    url,
    expanded_url: link.expanded,
    display_url: link.display ?? displayUrl(link.expanded),
    ...(link.mediaKey ? { media_key: link.mediaKey } : {}),
  };
  return { text: prefix + url, urls: [...linked.urls, entity] };
}

export function displayUrl(expanded: string): string {
  const bare = expanded.replace(/^https?:\/\//i, '').replace(/^www\./i, '');
  const chars = [...bare];
  return chars.length > DISPLAY_URL_MAX ? `${chars.slice(0, DISPLAY_URL_MAX - 1).join('')}…` : bare;
}

export function codePoints(text: string): number {
  return [...text].length;
}
