/**
 * X (Twitter) text rules shared by the server (which posts replies) and the browser (which counts them),
 * so the composer's counter and the server's validation can never disagree.
 * No DOM, no React: this file runs under Node, jest and vite alike.
 */
// twitter-text is CommonJS (module.exports = { parseTweet, ... }); a default import is the one form that
// resolves the same under Node ESM, jest (CJS) and vite (which picks its ESM build with a default export).
import twitter from 'twitter-text';

/** X's limit for a post, in weighted characters (URLs 23, emoji and CJK 2, most other characters 1). */
export const X_MAX_WEIGHTED_LENGTH = 280;

export interface XLengthInfo {
  weightedLength: number;
  /** Negative when the text is over the limit. */
  remaining: number;
  valid: boolean;
}

/**
 * The exact text posted for an agent's reply: the agent's text with its trailing whitespace removed,
 * then a single space, a caret and the agent's initials (e.g. "Thanks! ^AB").
 */
export function signReply(text: string, initials: string): string {
  return `${text.trimEnd()} ^${initials}`;
}

/** X's weighted length of `text`, as X itself counts it. */
export function xWeightedLength(text: string): number {
  return twitter.parseTweet(text).weightedLength;
}

/**
 * Length, remaining budget and validity of `text` as a post. Blank text is invalid although X's parser
 * would count whitespace, because a post of only spaces is refused.
 */
export function xLengthInfo(text: string): XLengthInfo {
  const parsed = twitter.parseTweet(text);
  return {
    weightedLength: parsed.weightedLength,
    remaining: X_MAX_WEIGHTED_LENGTH - parsed.weightedLength,
    valid: parsed.valid && parsed.weightedLength <= X_MAX_WEIGHTED_LENGTH && text.trim().length > 0,
  };
}
