import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelAccountHealthDto } from '../../../../common/types';
import { ACCOUNTS_HASH } from '../inbox/selectionHash';
import { accountAlerts } from './accountAlerts';

interface AccountAlertBannersProps {
  accounts: ChannelAccountHealthDto[] | undefined;
}

function handleList(handles: string[], locale: string): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(handles.map((h) => `@${h}`));
}

/**
 * Banners under the header: red while an account needs re-authorisation (nothing arrives from it until
 * someone acts), amber when ingest gaps mean posts may be missing. Both link to the health view.
 */
export function AccountAlertBanners({ accounts }: AccountAlertBannersProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const alerts = accountAlerts(accounts);
  // Gap banners can be dismissed until a new gap appears; the re-authorisation one cannot.
  const [dismissedGaps, setDismissedGaps] = useState<string | null>(null);
  const showGaps = alerts.gaps !== null && alerts.gaps.key !== dismissedGaps;

  if (alerts.reauth === null && !showGaps) return null;

  const detailsLink = (
    <a href={ACCOUNTS_HASH} className="banner__link">
      {t('alerts.details')}
    </a>
  );

  return (
    <div className="account-alerts">
      {alerts.reauth !== null && (
        <div data-testid="account-alert" className="banner banner--error" role="alert">
          <span>
            {t('alerts.reauth', {
              count: alerts.reauth.length,
              handles: handleList(alerts.reauth, locale),
            })}
          </span>
          {detailsLink}
        </div>
      )}
      {showGaps && alerts.gaps !== null && (
        <div data-testid="account-gap-alert" className="banner banner--warn" role="status">
          <span>
            {t('alerts.gaps', {
              count: alerts.gaps.count,
              handles: handleList(alerts.gaps.handles, locale),
            })}
          </span>
          <span className="banner__actions">
            {detailsLink}
            <button
              type="button"
              className="button button--small button--ghost"
              onClick={() => setDismissedGaps(alerts.gaps?.key ?? null)}
            >
              {t('alerts.dismiss')}
            </button>
          </span>
        </div>
      )}
    </div>
  );
}
