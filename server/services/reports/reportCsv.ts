import { stringify } from 'csv-stringify/sync';
import type { ReportResponse } from '../../../common/reports';

const round = (n: number | null) => (n === null ? '' : n.toFixed(1));

/**
 * The report as CSV for Excel and LibreOffice: UTF-8 with a byte-order mark (so Excel reads umlauts),
 * one row per group, durations in seconds; csv-stringify quotes commas, quotes and line breaks.
 */
export function reportCsv(report: ReportResponse): string {
  const header = ['group', 'label', 'inbound', 'conversations', 'resolved'];
  for (const m of report.metrics) {
    for (const variant of ['', '_business']) {
      header.push(
        `${m}${variant}_count`,
        `${m}${variant}_mean_s`,
        `${m}${variant}_median_s`,
        `${m}${variant}_p90_s`,
      );
    }
  }
  const rows = report.groups.map((g) => {
    const row: Array<string | number> = [g.key, g.label, g.inbound, g.conversations, g.resolved];
    for (const m of report.metrics) {
      const s = g.metrics[m];
      for (const stats of [s?.wall, s?.business]) {
        row.push(
          stats?.count ?? 0,
          round(stats?.mean ?? null),
          round(stats?.median ?? null),
          round(stats?.p90 ?? null),
        );
      }
    }
    return row;
  });
  return `\uFEFF${stringify([header, ...rows], { record_delimiter: '\r\n' })}`;
}
