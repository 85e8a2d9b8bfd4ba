import type { CannedResponseDto } from '../../../../common/types';

/** A ";shortcut" being typed: where its ";" is and what follows it up to the caret. */
export interface CannedTrigger {
  start: number;
  query: string;
}

export const MAX_CANNED_SUGGESTIONS = 8;

/**
 * The ";shortcut" the caret is in, if any: a ";" at the start of the text or after whitespace, followed
 * up to the caret by shortcut characters only. "Hallo; danke" therefore never opens the picker.
 */
export function cannedTriggerAt(text: string, caret: number): CannedTrigger | null {
  const start = text.lastIndexOf(';', caret - 1);
  if (start === -1) return null;
  if (start > 0 && !/\s/.test(text[start - 1] ?? '')) return null;
  const query = text.slice(start + 1, caret);
  if (!/^[a-z0-9_-]{0,40}$/i.test(query)) return null;
  return { start, query };
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/**
 * Canned responses for what was typed: shortcuts beginning with it first, then shortcuts, titles or
 * bodies containing it; alphabetical by shortcut within each group.
 */
export function matchCanned(
  items: readonly CannedResponseDto[],
  query: string,
  limit = MAX_CANNED_SUGGESTIONS,
): CannedResponseDto[] {
  const typed = fold(query.trim());
  const rank = (item: CannedResponseDto): number => {
    if (typed === '') return 0;
    const shortcut = fold(item.shortcut);
    if (shortcut.startsWith(typed)) return 0;
    if (shortcut.includes(typed) || fold(item.title).includes(typed)) return 1;
    if (fold(item.body).includes(typed)) return 2;
    return -1;
  };
  return items
    .map((item) => ({ item, rank: rank(item) }))
    .filter((entry) => entry.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.item.shortcut.localeCompare(b.item.shortcut))
    .slice(0, limit)
    .map((entry) => entry.item);
}

/**
 * The text with `inserted` put in place of the range [from, to) (the typed ";shortcut", or the selection
 * when the picker was opened by button), and where the caret goes next: right after the insertion.
 */
export function insertAt(
  text: string,
  range: { from: number; to: number },
  inserted: string,
): { text: string; caret: number } {
  const from = Math.max(0, Math.min(range.from, text.length));
  const to = Math.max(from, Math.min(range.to, text.length));
  return { text: `${text.slice(0, from)}${inserted}${text.slice(to)}`, caret: from + inserted.length };
}
