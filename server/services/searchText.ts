import type { HighlightedText } from '../../common/types';

/** Start and stop markers ts_headline puts around matches; stripped from message text beforehand. */
export const MARK_START = '\u0002';
export const MARK_STOP = '\u0003';
/** Stand-ins for '<' and '&' in the text given to ts_headline (see repositories/search.ts). */
const STAND_INS: Record<string, string> = { '\uE000': '<', '\uE001': '&' };

const MIN_PREFIX_LENGTH = 3;

/**
 * The last word of a query that is still being typed, to match as a prefix ("Rechn" finds "Rechnung"),
 * or null when the query ends in a complete term: a space, a closing quote, a negated word ("-storno"),
 * a word after "or", or fewer than three letters (too broad to be worth it at a million messages).
 * Only letters and digits are returned (the query's own last characters, as typed), so the value is safe
 * inside `to_tsquery`.
 */
export function prefixTerm(query: string): string | null {
  if (query === '' || /\s$/u.test(query)) return null;
  // Inside or right after a quoted phrase: the phrase is matched as typed.
  if ((query.match(/"/g) ?? []).length % 2 === 1 || query.endsWith('"')) return null;
  const words = query.trim().split(/\s+/u);
  const last = words[words.length - 1] ?? '';
  const before = words[words.length - 2]?.toLowerCase();
  if (last.startsWith('-') || before === 'or') return null;
  const run = last.match(/[\p{L}\p{N}]+$/u)?.[0] ?? '';
  return run.length >= MIN_PREFIX_LENGTH ? run : null;
}

/**
 * Handle-like queries ("@kbd_kim", "kbd_k") as a LIKE prefix on the lower-cased handle, with LIKE's
 * wildcards escaped; null for anything else.
 */
export function handlePrefixPattern(query: string): string | null {
  const handle = query.trim().replace(/^@/u, '').toLowerCase();
  if (handle.length < 2 || !/^[\p{L}\p{N}_.]+$/u.test(handle)) return null;
  return `${handle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Turns ts_headline output with MARK_START/MARK_STOP into plain text and highlight offsets, restoring
 * the '<' and '&' that were swapped out.
 */
export function parseHeadline(marked: string): HighlightedText {
  let text = '';
  const highlights: HighlightedText['highlights'] = [];
  let start: number | null = null;
  for (const ch of marked) {
    if (ch === MARK_START) {
      start = text.length;
    } else if (ch === MARK_STOP) {
      if (start !== null && text.length > start) highlights.push({ start, end: text.length });
      start = null;
    } else {
      text += STAND_INS[ch] ?? ch;
    }
  }
  return { text: text.trim() === '' ? '' : text, highlights };
}

/**
 * ts_headline parses the text with one configuration, so a German stem is found by the German run and an
 * English one by the English run; the run that marked more words wins (German on a tie).
 */
export function bestHeadline(german: string, english: string): HighlightedText {
  const de = parseHeadline(german);
  const en = parseHeadline(english);
  return en.highlights.length > de.highlights.length ? en : de;
}
