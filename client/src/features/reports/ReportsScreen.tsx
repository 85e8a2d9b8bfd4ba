import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  REPORT_GROUPINGS,
  REPORT_METRICS,
  type ReportGroup,
  type ReportGrouping,
  type ReportMetric,
} from '../../../../common/reports';
import { describeError } from '../../i18n/describeError';
import { formatDuration } from './formatDuration';
import { ReportChart } from './ReportChart';
import { reportUrl, useReport } from './reportQueries';

const isoDay = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const toMinutes = (s: number | null | undefined) => (s == null ? null : Math.round((s / 60) * 100) / 100);

/** Leads' reports: response times and volumes over a range, grouped, as a chart, a table and CSV. */
export function ReportsScreen({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(() => isoDay(new Date(Date.now() - 29 * 86_400_000)));
  const [to, setTo] = useState(() => isoDay(new Date()));
  const [groupBy, setGroupBy] = useState<ReportGrouping>('day');
  const [metric, setMetric] = useState<ReportMetric>('frt');
  const [clock, setClock] = useState<'wall' | 'business'>('wall');
  const params = { from, to, groupBy, metric };
  const report = useReport(params);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const label = (g: ReportGroup) =>
    groupBy === 'hour' ? `${g.key}:00` : g.key === '' ? t('reports.none') : g.label;
  const groups = report.data?.groups ?? [];
  const stats = (g: ReportGroup) => g.metrics[metric]?.[clock];
  const summary = t('reports.chartSummary', {
    metric: t(`reports.metrics.${metric}`),
    clock: t(`reports.${clock}`),
    group: t(`reports.groups.${groupBy}`),
  });

  return (
    <section data-testid="reports" className="reports" aria-labelledby="reports-title">
      <header className="reports__header">
        <div>
          <h2 id="reports-title" className="reports__title" ref={heading} tabIndex={-1}>
            {t('reports.title')}
          </h2>
          <p className="reports__subtitle">
            {t('reports.subtitle', { zone: report.data?.timeZone ?? 'Europe/Berlin' })}
          </p>
        </div>
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t('reports.close')}
        </button>
      </header>
      <form className="reports__controls" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('reports.from')}
          <input type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t('reports.to')}
          <input type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label>
          {t('reports.groupBy')}
          <select
            data-testid="reports-group"
            value={groupBy}
            onChange={(e) => setGroupBy(e.target.value as ReportGrouping)}
          >
            {REPORT_GROUPINGS.map((g) => (
              <option key={g} value={g}>
                {t(`reports.groups.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reports.metric')}
          <select
            data-testid="reports-metric"
            value={metric}
            onChange={(e) => setMetric(e.target.value as ReportMetric)}
          >
            {REPORT_METRICS.map((m) => (
              <option key={m} value={m}>
                {t(`reports.metrics.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reports.clock')}
          <select value={clock} onChange={(e) => setClock(e.target.value as 'wall' | 'business')}>
            <option value="wall">{t('reports.wall')}</option>
            <option value="business">{t('reports.business')}</option>
          </select>
        </label>
        <a data-testid="reports-csv" className="button" href={reportUrl(params, 'csv')} download>
          {t('reports.downloadCsv')}
        </a>
      </form>
      {report.isPending && <p className="placeholder">{t('reports.loading')}</p>}
      {report.isError && (
        <div className="banner banner--error" role="alert">
          {t('reports.error')} {describeError(t, report.error)}
        </div>
      )}
      {report.data?.approximate && <p className="reports__note">{t('reports.approximate')}</p>}
      {report.data && (
        <>
          <ReportChart
            kind={groupBy === 'hour' || groupBy === 'day' ? 'line' : 'bar'}
            labels={groups.map(label)}
            median={groups.map((g) => toMinutes(stats(g)?.median))}
            p90={groups.map((g) => toMinutes(stats(g)?.p90))}
            medianLabel={t('reports.medianMinutes')}
            p90Label={t('reports.p90Minutes')}
            summary={summary}
          />
          <div className="reports__table-wrap">
            <table data-testid="reports-table" className="reports__table">
              <caption className="visually-hidden">{summary}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(`reports.groups.${groupBy}`)}</th>
                  <th scope="col">{t('reports.columns.count')}</th>
                  <th scope="col">{t('reports.columns.mean')}</th>
                  <th scope="col">{t('reports.columns.median')}</th>
                  <th scope="col">{t('reports.columns.p90')}</th>
                  <th scope="col">{t('reports.columns.inbound')}</th>
                  <th scope="col">{t('reports.columns.conversations')}</th>
                  <th scope="col">{t('reports.columns.resolved')}</th>
                </tr>
              </thead>
              <tbody>
                {groups.map((g) => (
                  <tr key={g.key}>
                    <th scope="row">{label(g)}</th>
                    <td>{stats(g)?.count ?? 0}</td>
                    <td>{formatDuration(stats(g)?.mean ?? null)}</td>
                    <td>{formatDuration(stats(g)?.median ?? null)}</td>
                    <td>{formatDuration(stats(g)?.p90 ?? null)}</td>
                    <td>{g.inbound}</td>
                    <td>{g.conversations}</td>
                    <td>{g.resolved}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
