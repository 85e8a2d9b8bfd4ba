import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../components/useNow';
import { describeError } from '../../i18n/describeError';
import { formatRelativeTime } from '../../i18n/relativeTime';
import { useCurrentUser } from '../auth/session';
import { AccountCard } from './AccountCard';
import { useChannelAccounts } from './accountQueries';
import { ConnectChannels } from './ConnectChannels';

// Relative times ("next poll in 20 seconds") need to move between the 10-second refetches too.
const CLOCK_TICK_MS = 1000;

/** Health of every channel account, for team leads: is polling running, how close are the limits. */
export function AccountHealth({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const now = useNow(CLOCK_TICK_MS);
  const accounts = useChannelAccounts({ live: true });
  const isAdmin = useCurrentUser().data?.role === 'admin';
  const heading = useRef<HTMLHeadingElement>(null);

  // Moves keyboard and screen-reader focus to the view it opened.
  useEffect(() => heading.current?.focus(), []);

  return (
    <section data-testid="account-health" className="health" aria-labelledby="account-health-title">
      <header className="health__header">
        <div>
          <h2 id="account-health-title" className="health__title" ref={heading} tabIndex={-1}>
            {t('accounts.title')}
          </h2>
          <p className="health__subtitle">
            {t('accounts.subtitle')}
            {accounts.dataUpdatedAt > 0 &&
              ` ${t('accounts.updated', {
                // The clock ticks once a second, so a fresh answer can be a moment "ahead" of it.
                time: formatRelativeTime(
                  new Date(Math.min(accounts.dataUpdatedAt, now)).toISOString(),
                  now,
                  locale,
                ),
              })}`}
          </p>
        </div>
        <button
          data-testid="account-health-close"
          type="button"
          className="button button--ghost"
          onClick={onClose}
        >
          {t('accounts.close')}
        </button>
      </header>
      {accounts.isError && (
        <div className="banner banner--error" role="alert">
          <span>
            {t('accounts.error')} {describeError(t, accounts.error)}
          </span>
          <button type="button" className="button button--small" onClick={() => void accounts.refetch()}>
            {t('errors.tryAgain')}
          </button>
        </div>
      )}
      {isAdmin && <ConnectChannels />}
      {accounts.isPending && <p className="placeholder">{t('accounts.loading')}</p>}
      {accounts.data?.length === 0 && <p className="placeholder">{t('accounts.empty')}</p>}
      {accounts.data !== undefined && accounts.data.length > 0 && (
        <ul className="health__list">
          {accounts.data.map((account) => (
            <AccountCard key={account.id} account={account} now={now} admin={isAdmin} />
          ))}
        </ul>
      )}
    </section>
  );
}
