import type { XMedia } from './media';
import { appendLink, codePoints, type LinkedText, shortenUrls, type TcoShortener } from './tco';

/**
 * How X turns what someone typed into the text it stores and returns: links become t.co links, a quote
 * gets the quoted post's permalink appended, media get one more link (pic.x.com) at the end.
 */

export interface ComposeInput {
  text: string;
  postId: string;
  authorUsername: string;
  quoted: { id: string; authorUsername: string } | null;
  media: readonly XMedia[];
  appendQuoteUrl: boolean;
  appendMediaUrl: boolean;
}

export function composePostText(input: ComposeInput, shortener: TcoShortener): LinkedText {
  let linked = shortenUrls(input.text, shortener);
  if (input.quoted && input.appendQuoteUrl) {
    // UNCONFIRMED: the permalink form (x.com rather than twitter.com) and that it is appended at all.
    const expanded = `https://x.com/${input.quoted.authorUsername}/status/${input.quoted.id}`;
    linked = appendLink(linked, { expanded }, shortener);
  }
  if (input.media.length && input.appendMediaUrl) linked = appendMediaLink(linked, input, shortener);
  return linked;
}

/**
 * One t.co link for all the media, with one url entity per media item (same indices, own media_key).
 * UNCONFIRMED: the expanded and display forms follow posts seen in the wild.
 */
function appendMediaLink(linked: LinkedText, input: ComposeInput, shortener: TcoShortener): LinkedText {
  const first = input.media[0]!;
  const kind = (m: XMedia) => (m.type === 'photo' ? 'photo' : 'video');
  const permalink = `https://x.com/${input.authorUsername}/status/${input.postId}`;
  const withLink = appendLink(
    linked,
    { expanded: `${permalink}/${kind(first)}/1`, mediaKey: first.key },
    shortener,
  );
  const entity = withLink.urls[withLink.urls.length - 1]!;
  entity.display_url = `pic.x.com/${entity.url.slice('https://t.co/'.length)}`;
  const more = input.media.slice(1).map((m, i) => ({
    ...entity,
    expanded_url: `${permalink}/${kind(m)}/${i + 2}`,
    media_key: m.key,
  }));
  return { text: withLink.text, urls: [...withLink.urls, ...more] };
}

/**
 * A retweet's text: `RT @author: ` and the original's stored text, links and all.
 * With a maximum length, v2 cuts it and ends it with "…" (UNCONFIRMED: the cut length).
 */
export function composeRetweetText(
  original: { text: string; urls: LinkedText['urls'] },
  prefix: string,
  maxLength: number | null,
): LinkedText {
  const shift = codePoints(prefix);
  let text = prefix + original.text;
  let urls = original.urls.map((u) => ({ ...u, start: u.start + shift, end: u.end + shift }));
  const chars = [...text];
  if (maxLength !== null && chars.length > maxLength) {
    text = `${chars.slice(0, maxLength - 1).join('')}…`;
    urls = urls.filter((u) => u.end <= maxLength - 1);
  }
  return { text, urls };
}
