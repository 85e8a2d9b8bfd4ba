import type { ConversationFilters, InboxView, ListSort } from '../../../../common/types';

/** What the list shows: a view, its order and filters on top. */
export interface ListQuery {
  view: InboxView;
  sort: ListSort;
  filters: ConversationFilters;
}

/** The order a view starts with: the queue views by waiting time, the archive views by last change. */
export function defaultSortFor(view: InboxView): ListSort {
  return view === 'resolved' || view === 'all' || view === 'snoozed' ? 'updated' : 'waiting';
}

/** Filters without empty values, keys sorted: equal filters give equal query keys and URLs. */
export function normaliseFilters(filters: ConversationFilters): ConversationFilters {
  const entries = Object.entries(filters)
    .filter(([, value]) => value !== undefined && value !== '' && value !== null)
    .sort(([a], [b]) => a.localeCompare(b));
  return Object.fromEntries(entries) as ConversationFilters;
}

export function activeFilterCount(filters: ConversationFilters): number {
  return Object.keys(normaliseFilters(filters)).length;
}

/** Query string for `GET /api/conversations`. */
export function listQueryParams(query: ListQuery, limit: number, cursor: string | null): URLSearchParams {
  const params = new URLSearchParams({ status: query.view, sort: query.sort, limit: String(limit) });
  for (const [key, value] of Object.entries(normaliseFilters(query.filters))) params.set(key, String(value));
  if (cursor !== null) params.set('cursor', cursor);
  return params;
}
