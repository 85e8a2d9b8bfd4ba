import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditPageResponse } from '../../../../common/audit';
import { apiRequest } from '../../api/http';

export interface AuditFilters {
  actor: string;
  action: string;
  /** Local dates (yyyy-mm-dd) from the date inputs; `to` includes its whole day. */
  from: string;
  to: string;
  q: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilters = { actor: '', action: '', from: '', to: '', q: '' };

const PAGE_SIZE = 50;

/** The query string for the filters: the same for a page and for the CSV export. */
export function auditSearchParams(f: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (f.actor) params.set('actor', f.actor);
  if (f.action) params.set('action', f.action);
  if (f.from) params.set('from', new Date(`${f.from}T00:00:00`).toISOString());
  if (f.to) {
    const end = new Date(`${f.to}T00:00:00`);
    end.setDate(end.getDate() + 1);
    params.set('to', end.toISOString());
  }
  if (f.q.trim()) params.set('q', f.q.trim());
  return params;
}

/** Newest first, one page at a time (keyset cursor). */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = auditSearchParams(filters);
      params.set('limit', String(PAGE_SIZE));
      if (pageParam) params.set('cursor', pageParam);
      return apiRequest<AuditPageResponse>('GET', `/api/audit?${params}`);
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}
