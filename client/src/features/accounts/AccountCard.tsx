import { useTranslation } from 'react-i18next';
import type { ChannelAccountHealthDto } from '../../../../common/types';
import { PlatformBadge } from '../../components/PlatformBadge';
import { RelativeTime } from '../../components/RelativeTime';
import { AccountAdminActions } from './AccountAdminActions';
import { AccountGaps } from './AccountGaps';
import { RateLimitTable, StreamTable } from './AccountTables';
import { budgetShare } from './accountAlerts';

interface AccountCardProps {
  account: ChannelAccountHealthDto;
  now: number;
  /** Admins get Disconnect and Re-authorise. */
  admin?: boolean;
}

/** One channel account: status, polling times, last error, budget, then streams, limits and gaps. */
export function AccountCard({ account, now, admin = false }: AccountCardProps) {
  const { t, i18n } = useTranslation();
  const numbers = new Intl.NumberFormat(i18n.resolvedLanguage ?? 'en');
  const { budget } = account;
  const usage = budgetShare(budget);

  return (
    <li
      data-testid="account-row"
      data-account-id={account.id}
      data-account-status={account.status}
      className={`account account--${account.status}`}
    >
      <header className="account__header">
        <PlatformBadge platform={account.platform} />
        <span className="account__name" dir="auto">
          {account.displayName}
        </span>
        <span className="account__handle">@{account.handle}</span>
        <span data-testid="account-status" className={`account-status account-status--${account.status}`}>
          {t(`accounts.status.${account.status}`)}
        </span>
      </header>
      {account.status === 'needs_reauth' && (
        <p className="account__hint" role="note">
          {t('accounts.reauthHint')}
        </p>
      )}
      {admin && <AccountAdminActions account={account} />}

      <dl className="facts">
        <div>
          <dt>{t('accounts.lastSuccess')}</dt>
          <dd>
            <RelativeTime iso={account.lastSuccessAt} now={now} fallback={t('accounts.never')} />
          </dd>
        </div>
        <div>
          <dt>{t('accounts.lastPoll')}</dt>
          <dd>
            <RelativeTime iso={account.lastPollAt} now={now} fallback={t('accounts.never')} />
          </dd>
        </div>
        <div>
          <dt>{t('accounts.nextPoll')}</dt>
          <dd>
            <RelativeTime iso={account.nextPollAt} now={now} fallback={t('accounts.none')} />
          </dd>
        </div>
        <div className="facts__wide">
          <dt>{t('accounts.lastError')}</dt>
          <dd>
            {account.lastError === null ? (
              <span className="muted">{t('accounts.none')}</span>
            ) : (
              <>
                <span data-testid="account-last-error" className="error-text" dir="auto">
                  {account.lastError}
                </span>
                {account.lastErrorAt !== null && (
                  <span className="muted">
                    {' ('}
                    <RelativeTime iso={account.lastErrorAt} now={now} fallback="" />)
                  </span>
                )}
              </>
            )}
          </dd>
        </div>
      </dl>

      <section className="account__section">
        <h3 className="account__heading">{t('accounts.budget.title', { month: budget.month })}</h3>
        {/* Decorative: the sentence below says the same in words for screen readers. */}
        <div data-testid="account-budget" className={`budget budget--${usage.level}`} aria-hidden="true">
          <span className="budget__fill" style={{ width: `${(usage.share * 100).toFixed(1)}%` }} />
        </div>
        <p className="account__line">
          {t('accounts.budget.used', {
            used: numbers.format(budget.readsUsed),
            total: numbers.format(budget.monthlyReads),
          })}
          {' · '}
          {t('accounts.budget.posts', { count: budget.postsPer24h })}
        </p>
      </section>

      <StreamTable streams={account.streams} now={now} />
      <RateLimitTable rateLimits={account.rateLimits} now={now} />

      <section className="account__section">
        <h3 className="account__heading">{t('accounts.search.title')}</h3>
        {account.searchQueries.length === 0 ? (
          <p className="muted">{t('accounts.search.empty')}</p>
        ) : (
          <ul className="queries">
            {account.searchQueries.map((query) => (
              <li key={query} className="queries__item" dir="auto">
                {query}
              </li>
            ))}
          </ul>
        )}
      </section>

      <AccountGaps gaps={account.gaps} now={now} />
    </li>
  );
}
