import { bucketOf, statsFromHistogram } from './histogramStats';

function histogram(values: number[]) {
  const map = new Map<number, { bucket: number; n: number; total: number }>();
  for (const v of values) {
    const b = bucketOf(v);
    const row = map.get(b) ?? { bucket: b, n: 0, total: 0 };
    row.n += 1;
    row.total += v;
    map.set(b, row);
  }
  return [...map.values()];
}

describe('statsFromHistogram', () => {
  it('keeps the mean exact and the median and p90 within 5 % (half a bucket) of the exact values', () => {
    // A skewed distribution like response times: many quick answers, a long tail.
    const values = Array.from({ length: 10_000 }, (_, i) => Math.round(30 * Math.exp((i % 997) / 150)));
    const sorted = [...values].sort((a, b) => a - b);
    const exact = (p: number) => {
      const r = p * (sorted.length - 1);
      const lo = Math.floor(r);
      return sorted[lo]! + (sorted[Math.ceil(r)]! - sorted[lo]!) * (r - lo);
    };
    const stats = statsFromHistogram(histogram(values));
    expect(stats.count).toBe(10_000);
    expect(stats.mean).toBeCloseTo(values.reduce((s, v) => s + v, 0) / values.length, 6);
    expect(Math.abs(stats.median! / exact(0.5) - 1)).toBeLessThan(0.05);
    expect(Math.abs(stats.p90! / exact(0.9) - 1)).toBeLessThan(0.05);
  });

  it('is empty without events and puts sub-second values in bucket 0', () => {
    expect(statsFromHistogram([])).toEqual({ count: 0, mean: null, median: null, p90: null });
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(1)).toBe(1);
    expect(bucketOf(1.09)).toBe(1);
    expect(bucketOf(1.11)).toBe(2);
  });
});
