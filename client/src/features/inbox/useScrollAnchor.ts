import type { Virtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef } from 'react';

/**
 * Keeps the rows the agent is looking at where they are when the list changes under them (new
 * conversations sorted in above, others leaving): remembers the first visible rows and their distance
 * from the top on every scroll, and after an update scrolls so the first of them still there is back at
 * that distance.
 */
export function useScrollAnchor(
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  ids: readonly string[],
): () => void {
  const anchor = useRef<Array<{ id: string; offset: number }>>([]);

  // The element's own scrollTop, not the virtualizer's copy: a scroll handler may run before the
  // virtualizer has read the new position.
  const scrollTop = () => virtualizer.scrollElement?.scrollTop ?? 0;

  const remember = () => {
    const top = scrollTop();
    const rows = virtualizer.measurementsCache;
    const first = rows.findIndex((row) => row.end > top);
    anchor.current =
      first < 0
        ? []
        : rows.slice(first, first + 5).map((row) => ({ id: String(row.key), offset: row.start - top }));
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the rows change, on purpose.
  useLayoutEffect(() => {
    const top = scrollTop();
    const candidates = anchor.current;
    // At the very top there is nothing to keep in place; new rows simply show.
    if (top === 0 || candidates.length === 0) return remember();
    const index = new Map(ids.map((id, i) => [id, i]));
    for (const candidate of candidates) {
      const at = index.get(candidate.id);
      if (at === undefined) continue;
      const start = virtualizer.measurementsCache[at]?.start;
      if (start !== undefined && Math.abs(start - top - candidate.offset) > 1) {
        virtualizer.scrollToOffset(Math.max(0, start - candidate.offset));
      }
      break;
    }
    remember();
  }, [ids]);

  return remember;
}
