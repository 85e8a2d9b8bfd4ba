import type { MetricStats } from '../../../common/reports';

/** Ratio between bucket bounds; must match `caredesk_metric_bucket` (migration 21). */
export const BUCKET_RATIO = 1.1;

/** Same bucket as the SQL function: 0 is [0, 1 s), b >= 1 is [1.1^(b-1), 1.1^b). */
export function bucketOf(seconds: number): number {
  return seconds < 1 ? 0 : 1 + Math.floor(Math.log(seconds) / Math.log(BUCKET_RATIO));
}

function bounds(bucket: number): [number, number] {
  return bucket === 0 ? [0, 1] : [BUCKET_RATIO ** (bucket - 1), BUCKET_RATIO ** bucket];
}

/** The p-quantile (0..1) of a bucketed distribution, interpolated geometrically inside its bucket. */
function quantile(buckets: ReadonlyArray<{ bucket: number; n: number }>, total: number, p: number): number {
  const rank = p * (total - 1);
  let before = 0;
  for (const b of buckets) {
    if (rank < before + b.n) {
      const [lo, hi] = bounds(b.bucket);
      const f = Math.min(1, Math.max(0, (rank - before + 0.5) / b.n));
      return b.bucket === 0 ? f : lo * (hi / lo) ** f;
    }
    before += b.n;
  }
  const last = buckets[buckets.length - 1];
  return last ? bounds(last.bucket)[1] : 0;
}

/** Count, exact mean and approximate median and p90 from histogram rows of one group and metric. */
export function statsFromHistogram(
  rows: ReadonlyArray<{ bucket: number; n: number; total: number }>,
): MetricStats {
  const buckets = [...rows].filter((r) => r.n > 0).sort((a, b) => a.bucket - b.bucket);
  const count = buckets.reduce((s, b) => s + b.n, 0);
  if (count === 0) return { count: 0, mean: null, median: null, p90: null };
  const sum = buckets.reduce((s, b) => s + b.total, 0);
  return {
    count,
    mean: sum / count,
    median: quantile(buckets, count, 0.5),
    p90: quantile(buckets, count, 0.9),
  };
}
