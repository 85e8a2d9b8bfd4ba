import type { HighlightedText } from '../../../../common/types';

export interface TextSegment {
  text: string;
  marked: boolean;
}

/**
 * Splits a snippet into plain and marked pieces by the server's offsets. Offsets that overlap, run past
 * the end or go backwards are clamped or skipped, so a bad range can never drop or repeat text.
 */
export function highlightSegments({ text, highlights }: HighlightedText): TextSegment[] {
  const segments: TextSegment[] = [];
  let at = 0;
  const ranges = [...highlights].sort((a, b) => a.start - b.start);
  for (const range of ranges) {
    const start = Math.max(at, Math.min(range.start, text.length));
    const end = Math.min(range.end, text.length);
    if (end <= start) continue;
    if (start > at) segments.push({ text: text.slice(at, start), marked: false });
    segments.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), marked: false });
  return segments;
}
