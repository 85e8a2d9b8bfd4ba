import type { Knex } from 'knex';
import type { ReportGrouping } from '../../../common/reports';
import { rangePeriods } from '../../services/reports/rangePeriods';

export interface RangeQuery {
  /** Inclusive local days (`YYYY-MM-DD`) of the report time zone. */
  from: string;
  to: string;
  groupBy: ReportGrouping;
}

export interface ExactAggregateRow {
  kind: string;
  grp: string;
  n: number;
  mean: number;
  median: number;
  p90: number;
  bmean: number | null;
  bmedian: number | null;
  bp90: number | null;
}

export interface HistogramRow {
  metric: string;
  grp: string;
  bucket: number;
  n: number;
  total: number;
}

const EXACT_GROUP: Record<ReportGrouping, string> = {
  hour: "lpad(local_hour::text, 2, '0')",
  day: "to_char(local_day, 'YYYY-MM-DD')",
  team: "coalesce(team_id::text, '')",
  agent: "coalesce(agent_id::text, '')",
  account: 'channel_account_id::text',
  channel: "platform || ':' || channel",
};

const rollupGroup = (g: ReportGrouping) =>
  g === 'day' ? "to_char(day, 'YYYY-MM-DD')" : g === 'hour' ? "lpad(dim_value, 2, '0')" : 'dim_value';

/** Rollup rows of the range: whole weeks from the weekly rows, the rest from daily rows. */
function periodFilter(q: RangeQuery): { sql: string; bindings: string[][] } {
  const { days, weeks } = rangePeriods(q.from, q.to, q.groupBy !== 'day');
  return {
    sql: "((period = 'd' and day = any(?::date[])) or (period = 'w' and day = any(?::date[])))",
    bindings: [days, weeks],
  };
}

/** How many events of these metrics the range holds (from the rollup: cheap at any size). */
export async function countMetricEvents(db: Knex, q: RangeQuery, metrics: string[]): Promise<number> {
  const periods = periodFilter({ ...q, groupBy: 'team' });
  const row = await db('response_metric_rollups')
    .where({ dim: 'day' })
    .whereIn('metric', metrics)
    .whereRaw(periods.sql, periods.bindings)
    .first(db.raw('coalesce(sum(n), 0)::bigint as n'));
  return Number(row?.n ?? 0);
}

/** Exact count, mean, median and p90 (percentile_cont) per group, wall-clock and business. */
export async function aggregateExact(db: Knex, q: RangeQuery, kinds: string[]): Promise<ExactAggregateRow[]> {
  const grp = EXACT_GROUP[q.groupBy];
  const { rows } = (await db.raw(
    `select kind, ${grp} as grp, count(*)::int as n,
       avg(seconds) as mean,
       percentile_cont(0.5) within group (order by seconds) as median,
       percentile_cont(0.9) within group (order by seconds) as p90,
       avg(business_seconds) as bmean,
       percentile_cont(0.5) within group (order by business_seconds) as bmedian,
       percentile_cont(0.9) within group (order by business_seconds) as bp90
     from response_metrics
     where kind = any(?) and local_day between ? and ?
     group by kind, grp`,
    [kinds, q.from, q.to],
  )) as { rows: ExactAggregateRow[] };
  return rows;
}

/** Per group and bucket: count and sum of the histogram rollup (metrics like `first`, `first_bh`). */
export async function aggregateHistogram(
  db: Knex,
  q: RangeQuery,
  metrics: string[],
): Promise<HistogramRow[]> {
  const periods = periodFilter(q);
  const { rows } = (await db.raw(
    `select metric, ${rollupGroup(q.groupBy)} as grp, bucket, sum(n)::bigint as n, sum(total) as total
     from response_metric_rollups
     where dim = ? and metric = any(?) and ${periods.sql}
     group by metric, grp, bucket
     having sum(n) > 0`,
    [q.groupBy, metrics, ...periods.bindings],
  )) as { rows: Array<HistogramRow & { n: string }> };
  return rows.map((r) => ({ ...r, n: Number(r.n), bucket: Number(r.bucket) }));
}

/** Display names of the groups that are ids. */
export async function groupLabels(
  db: Knex,
  groupBy: ReportGrouping,
  keys: string[],
): Promise<Map<string, string>> {
  const ids = keys.filter((k) => k !== '');
  if (ids.length === 0) return new Map();
  const rows =
    groupBy === 'team'
      ? await db('teams').whereIn('id', ids).select('id', 'name as label')
      : groupBy === 'agent'
        ? await db('users').whereIn('id', ids).select('id', 'name as label')
        : groupBy === 'account'
          ? await db('channel_accounts')
              .whereIn('id', ids)
              .select('id', db.raw("platform || ' @' || handle as label"))
          : [];
  return new Map(rows.map((r: { id: string; label: string }) => [r.id, r.label]));
}
