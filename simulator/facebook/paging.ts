/**
 * Cursor paging as Graph does it: `{data, paging:{cursors:{before, after}, previous?, next?}}`, where `next`
 * and `previous` are full URLs that repeat the request with the cursor swapped in. A cursor names a position
 * (the time and sequence number of an item), so items added or removed meanwhile do not shift a page.
 */

export interface CursorKey {
  /** The time the listing is ordered by, in ms. */
  t: number;
  /** Creation sequence, breaking ties between items of the same time. */
  s: number;
}

export type Direction = 'asc' | 'desc';

export interface PageQuery {
  limit: number;
  after?: string;
  before?: string;
}

export interface Page<T> {
  items: T[];
  /** Cursors of the first and last position of this page (also on an empty page made by a fault). */
  before: string | null;
  after: string | null;
  hasNext: boolean;
  hasPrevious: boolean;
}

export type PageOutcome<T> =
  | { ok: true; page: Page<T> }
  | { ok: false; reason: 'invalid_cursor' | 'too_deep' };

const START = 'sim:start';

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(`sim:${key.t}:${key.s}`).toString('base64');
}

function decodeCursor(cursor: string): CursorKey | 'start' | null {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  if (text === START) return 'start';
  const match = /^sim:(-?\d+):(\d+)$/.exec(text);
  return match ? { t: Number(match[1]), s: Number(match[2]) } : null;
}

const START_CURSOR = Buffer.from(START).toString('base64');

/**
 * One page of `items`, which the caller has already filtered and sorted in `direction`.
 * `empty`: answer no items but keep the position and a `next` (what Graph sometimes does).
 * `maxAfterOffset`: an `after` cursor further in than this is refused (`too_deep`).
 */
export function pageList<T>(
  items: readonly T[],
  keyOf: (item: T) => CursorKey,
  direction: Direction,
  query: PageQuery,
  opts: { empty?: boolean; maxAfterOffset?: number } = {},
): PageOutcome<T> {
  const sign = direction === 'asc' ? 1 : -1;
  const cmp = (a: CursorKey, b: CursorKey) => sign * (a.t - b.t || a.s - b.s);
  let start = 0;
  let end = items.length;
  if (query.after !== undefined) {
    const key = decodeCursor(query.after);
    if (key === null) return { ok: false, reason: 'invalid_cursor' };
    if (key !== 'start') {
      const i = items.findIndex((item) => cmp(keyOf(item), key) > 0);
      start = i < 0 ? items.length : i;
    }
    if (opts.maxAfterOffset !== undefined && start > opts.maxAfterOffset)
      return { ok: false, reason: 'too_deep' };
    end = Math.min(items.length, start + query.limit);
  } else if (query.before !== undefined) {
    const key = decodeCursor(query.before);
    if (key === null || key === 'start') return { ok: false, reason: 'invalid_cursor' };
    const i = items.findIndex((item) => cmp(keyOf(item), key) >= 0);
    end = i < 0 ? items.length : i;
    start = Math.max(0, end - query.limit);
  } else {
    end = Math.min(items.length, query.limit);
  }
  if (opts.empty) {
    // The position stays where the request asked, so following `next` returns what this page left out.
    const at = start > 0 ? encodeCursor(keyOf(items[start - 1]!)) : START_CURSOR;
    return { ok: true, page: { items: [], before: at, after: at, hasNext: true, hasPrevious: start > 0 } };
  }
  const slice = items.slice(start, end);
  return {
    ok: true,
    page: {
      items: slice,
      before: slice.length ? encodeCursor(keyOf(slice[0]!)) : null,
      after: slice.length ? encodeCursor(keyOf(slice[slice.length - 1]!)) : null,
      hasNext: slice.length > 0 && end < items.length,
      hasPrevious: slice.length > 0 && start > 0,
    },
  };
}

export interface PagingLinks {
  /** Origin and path of the listing, e.g. `http://127.0.0.1:4010/v25.0/123_456/comments`. */
  baseUrl: string;
  /** The request's parameters (access_token included), repeated in `next` and `previous`. */
  params: Record<string, string>;
}

/** The `paging` object, or undefined when the page is empty and has nowhere to go (Graph leaves it out). */
export function pagingBody<T>(page: Page<T>, links: PagingLinks): Record<string, unknown> | undefined {
  if (page.before === null || page.after === null) return undefined;
  const out: Record<string, unknown> = { cursors: { before: page.before, after: page.after } };
  if (page.hasPrevious) out.previous = link(links, 'before', page.before);
  if (page.hasNext) out.next = link(links, 'after', page.after);
  return out;
}

function link(links: PagingLinks, name: 'after' | 'before', cursor: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(links.params)) {
    if (key !== 'after' && key !== 'before') params.set(key, value);
  }
  params.set(name, cursor);
  return `${links.baseUrl}?${params.toString()}`;
}
