import type { Knex } from 'knex';
import { DateTime } from 'luxon';
import type {
  MetricStats,
  ReportGroup,
  ReportGrouping,
  ReportMetric,
  ReportResponse,
} from '../../../common/reports';
import {
  aggregateExact,
  aggregateHistogram,
  countMetricEvents,
  groupLabels,
  type RangeQuery,
} from '../../db/repositories/reportAggregates';
import { REPORT_TIME_ZONE } from '../metrics/reportTimeZone';
import { statsFromHistogram } from './histogramStats';

/** Up to this many events in the range, medians and p90s are exact (percentile_cont over the events). */
export const EXACT_EVENT_LIMIT = 50_000;

const KIND: Record<ReportMetric, string> = {
  frt: 'first',
  nrt: 'next',
  resolution: 'resolution',
  handle: 'handle',
};
const EMPTY: MetricStats = { count: 0, mean: null, median: null, p90: null };

export interface ReportQuery {
  from: string;
  to: string;
  groupBy: ReportGrouping;
  metrics: ReportMetric[];
  /** Tests and the bench force a path; by default the size of the range decides. */
  mode?: 'auto' | 'exact' | 'histogram';
}

const CHANNEL_LABELS: Record<string, string> = {
  'x:public': 'X',
  'x:dm': 'X DM',
  'facebook:public': 'Facebook',
  'facebook:dm': 'Messenger',
};

/** Every key a time grouping has in the range, so charts show quiet hours and days as zero. */
function timeKeys(q: ReportQuery): string[] {
  if (q.groupBy === 'hour') return Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));
  if (q.groupBy !== 'day') return [];
  const keys: string[] = [];
  let d = DateTime.fromISO(q.from, { zone: 'utc' });
  const end = DateTime.fromISO(q.to, { zone: 'utc' });
  while (d <= end) {
    keys.push(d.toISODate() ?? '');
    d = d.plus({ days: 1 });
  }
  return keys;
}

/**
 * What `GET /api/reports` answers: per group, volumes and count / mean / median / p90 of each metric,
 * wall-clock and business hours. Small ranges are computed exactly from the events; large ones from
 * the daily histogram rollup (counts and means still exact, percentiles within half a bucket, 5 %).
 */
export async function buildReport(db: Knex, q: ReportQuery): Promise<ReportResponse> {
  const range: RangeQuery = { from: q.from, to: q.to, groupBy: q.groupBy };
  const kinds = q.metrics.map((m) => KIND[m]);
  const mode =
    q.mode && q.mode !== 'auto'
      ? q.mode
      : (await countMetricEvents(db, range, kinds)) <= EXACT_EVENT_LIMIT
        ? 'exact'
        : 'histogram';

  const groups = new Map<string, ReportGroup>();
  const group = (key: string): ReportGroup => {
    let g = groups.get(key);
    if (!g) {
      g = { key, label: CHANNEL_LABELS[key] ?? key, inbound: 0, conversations: 0, resolved: 0, metrics: {} };
      for (const m of q.metrics) g.metrics[m] = { wall: EMPTY, business: EMPTY };
      groups.set(key, g);
    }
    return g;
  };
  for (const key of timeKeys(q)) group(key);

  // Volumes: counts are exact in the rollup at any size.
  for (const row of await aggregateHistogram(db, range, ['inbound', 'episode', 'resolution'])) {
    const g = group(row.grp);
    if (row.metric === 'inbound') g.inbound += row.n;
    else if (row.metric === 'episode') g.conversations += row.n;
    else g.resolved += row.n;
  }

  if (kinds.length > 0 && mode === 'exact') {
    for (const r of await aggregateExact(db, range, kinds)) {
      const metric = q.metrics.find((m) => KIND[m] === r.kind)!;
      group(r.grp).metrics[metric] = {
        wall: { count: r.n, mean: r.mean, median: r.median, p90: r.p90 },
        business:
          r.bmean === null
            ? EMPTY
            : { count: r.n, mean: Number(r.bmean), median: Number(r.bmedian), p90: Number(r.bp90) },
      };
    }
  } else if (kinds.length > 0) {
    const metricNames = kinds.flatMap((k) => [k, `${k}_bh`]);
    const byCell = new Map<string, Array<{ bucket: number; n: number; total: number }>>();
    for (const r of await aggregateHistogram(db, range, metricNames)) {
      const cell = `${r.metric}\u0000${r.grp}`;
      const rows = byCell.get(cell);
      if (rows) rows.push(r);
      else byCell.set(cell, [r]);
    }
    for (const [cell, rows] of byCell) {
      const [metricName = '', key = ''] = cell.split('\u0000');
      const business = metricName.endsWith('_bh');
      const metric = q.metrics.find((m) => KIND[m] === metricName.replace(/_bh$/, ''))!;
      const g = group(key);
      const current = g.metrics[metric] ?? { wall: EMPTY, business: EMPTY };
      g.metrics[metric] = business
        ? { ...current, business: statsFromHistogram(rows) }
        : { ...current, wall: statsFromHistogram(rows) };
    }
  }

  const labels = await groupLabels(db, q.groupBy, [...groups.keys()]);
  const list = [...groups.values()].map((g) => ({ ...g, label: labels.get(g.key) ?? g.label }));
  if (q.groupBy === 'hour' || q.groupBy === 'day') list.sort((a, b) => a.key.localeCompare(b.key));
  else list.sort((a, b) => a.label.localeCompare(b.label));
  return {
    from: q.from,
    to: q.to,
    groupBy: q.groupBy,
    timeZone: REPORT_TIME_ZONE,
    metrics: q.metrics,
    approximate: mode === 'histogram',
    groups: list,
  };
}
