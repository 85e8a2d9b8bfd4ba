import { useTranslation } from 'react-i18next';
import type { IngestGapDto } from '../../../../common/types';
import { RelativeTime } from '../../components/RelativeTime';
import { useStreamLabel } from './useStreamLabel';

/**
 * Stretches the platform would not let us read (X only returns the newest 800 mentions). Only post ids
 * bound a gap, so those are shown as they are; the note says why the gap exists.
 */
export function AccountGaps({ gaps, now }: { gaps: IngestGapDto[]; now: number }) {
  const { t } = useTranslation();
  const streamLabel = useStreamLabel();

  return (
    <section className="account__section">
      <h3 className="account__heading">{t('accounts.gaps.title')}</h3>
      {gaps.length === 0 ? (
        <p className="muted">{t('accounts.gaps.empty')}</p>
      ) : (
        <ul className="gaps">
          {gaps.map((gap) => {
            const stream = streamLabel(gap.stream);
            return (
              <li key={gap.id} data-testid="account-gap" className="gaps__item">
                <span className="gaps__range">
                  {gap.newerThanId === null
                    ? t('accounts.gaps.olderThan', { stream, older: gap.olderThanId })
                    : t('accounts.gaps.between', { stream, newer: gap.newerThanId, older: gap.olderThanId })}
                </span>
                {': '}
                <span className="gaps__note" dir="auto">
                  {gap.note}
                </span>{' '}
                <span className="muted">
                  ({t('accounts.gaps.detected')} <RelativeTime iso={gap.detectedAt} now={now} fallback="?" />)
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
