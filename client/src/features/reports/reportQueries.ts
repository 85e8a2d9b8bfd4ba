import { useQuery } from '@tanstack/react-query';
import type { ReportGrouping, ReportMetric, ReportResponse } from '../../../../common/reports';
import { apiRequest } from '../../api/http';

export interface ReportParams {
  from: string;
  to: string;
  groupBy: ReportGrouping;
  metric: ReportMetric;
}

export function reportUrl(p: ReportParams, format: 'json' | 'csv' = 'json'): string {
  const q = new URLSearchParams({ from: p.from, to: p.to, groupBy: p.groupBy });
  // The CSV carries every metric; the screen loads the one it shows.
  q.set('metric', format === 'csv' ? 'all' : p.metric);
  if (format === 'csv') q.set('format', 'csv');
  return `/api/reports?${q.toString()}`;
}

export function useReport(p: ReportParams) {
  return useQuery({
    queryKey: ['reports', p.from, p.to, p.groupBy, p.metric] as const,
    queryFn: () => apiRequest<ReportResponse>('GET', reportUrl(p)),
    enabled: p.from <= p.to,
  });
}
