import { useTranslation } from 'react-i18next';
import type { PollStreamDto, RateLimitDto } from '../../../../common/types';
import { RelativeTime } from '../../components/RelativeTime';
import { formatDuration } from '../inbox/waitingTime';
import { useStreamLabel } from './useStreamLabel';

/** The account's poll streams: what is read, how often, when next, and the last failure. */
export function StreamTable({ streams, now }: { streams: PollStreamDto[]; now: number }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const streamLabel = useStreamLabel();

  return (
    <section className="account__section">
      <h3 className="account__heading">{t('accounts.streams.title')}</h3>
      {streams.length === 0 ? (
        <p className="muted">{t('accounts.streams.empty')}</p>
      ) : (
        <table className="health-table">
          <thead>
            <tr>
              <th scope="col">{t('accounts.streams.key')}</th>
              <th scope="col">{t('accounts.streams.interval')}</th>
              <th scope="col">{t('accounts.streams.nextPoll')}</th>
              <th scope="col">{t('accounts.streams.lastError')}</th>
            </tr>
          </thead>
          <tbody>
            {streams.map((stream) => (
              <tr key={stream.key} data-testid="account-stream" data-stream={stream.key}>
                <th scope="row" title={stream.key} dir="auto">
                  {streamLabel(stream.key)}
                </th>
                <td>{formatDuration(stream.intervalMs, locale)}</td>
                <td>
                  <RelativeTime iso={stream.nextPollAt} now={now} fallback={t('accounts.none')} />
                </td>
                <td className={stream.lastError === null ? 'muted' : 'error-text'} dir="auto">
                  {stream.lastError ?? t('accounts.none')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The platform's rate-limit windows as last reported in its response headers. */
export function RateLimitTable({ rateLimits, now }: { rateLimits: RateLimitDto[]; now: number }) {
  const { t, i18n } = useTranslation();
  const numbers = new Intl.NumberFormat(i18n.resolvedLanguage ?? 'en');

  return (
    <section className="account__section">
      <h3 className="account__heading">{t('accounts.rateLimits.title')}</h3>
      {rateLimits.length === 0 ? (
        <p className="muted">{t('accounts.rateLimits.empty')}</p>
      ) : (
        <table className="health-table">
          <thead>
            <tr>
              <th scope="col">{t('accounts.rateLimits.endpoint')}</th>
              <th scope="col">{t('accounts.rateLimits.remaining')}</th>
              <th scope="col">{t('accounts.rateLimits.resetsAt')}</th>
            </tr>
          </thead>
          <tbody>
            {rateLimits.map((limit) => {
              const exhausted = limit.remaining <= 0;
              return (
                <tr key={limit.endpoint} data-testid="account-rate-limit">
                  <th scope="row">
                    <code>{limit.endpoint}</code>
                  </th>
                  <td className={exhausted ? 'error-text' : undefined}>
                    {`${numbers.format(limit.remaining)} / ${numbers.format(limit.limit)}`}
                  </td>
                  <td>
                    <RelativeTime iso={limit.resetAt} now={now} fallback={t('accounts.none')} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
