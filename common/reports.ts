/** Reports API (`GET /api/reports`): shared by server and client. */
export const REPORT_GROUPINGS = ['hour', 'day', 'channel', 'account', 'team', 'agent'] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

/** First response, next response, resolution and handle time (README "Metrics"). */
export const REPORT_METRICS = ['frt', 'nrt', 'resolution', 'handle'] as const;
export type ReportMetric = (typeof REPORT_METRICS)[number];

/** Seconds; null when there is no event in the group. */
export interface MetricStats {
  count: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
}

export interface ReportGroup {
  /** hour: `00`–`23`; day: `YYYY-MM-DD`; channel: `x:public`…; account/team/agent: id, `''` for none. */
  key: string;
  /** Display name for account, team and agent groups (server side); the key otherwise. */
  label: string;
  inbound: number;
  conversations: number;
  resolved: number;
  metrics: Partial<Record<ReportMetric, { wall: MetricStats; business: MetricStats }>>;
}

export interface ReportResponse {
  from: string;
  to: string;
  groupBy: ReportGrouping;
  /** Days and hours are in this zone. */
  timeZone: string;
  metrics: ReportMetric[];
  /** True when medians and p90s come from the histogram rollup (within 5 %) rather than exact values. */
  approximate: boolean;
  groups: ReportGroup[];
}
