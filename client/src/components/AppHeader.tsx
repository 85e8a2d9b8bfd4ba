import { useTranslation } from 'react-i18next';
import type { UserDto } from '../../../common/types';
import { useLogout } from '../features/auth/session';
import { ACCOUNTS_HASH } from '../features/inbox/selectionHash';
import { describeError } from '../i18n/describeError';
import type { RealtimeStatus } from '../realtime/useRealtime';
import { LanguageSwitch } from './LanguageSwitch';

interface AppHeaderProps {
  user: UserDto;
  realtime: RealtimeStatus;
  accountsOpen: boolean;
  /** An account needs someone to act (re-authorise); marks the Accounts link. */
  accountsAttention: boolean;
}

export function AppHeader({ user, realtime, accountsOpen, accountsAttention }: AppHeaderProps) {
  const { t } = useTranslation();
  const logoutMutation = useLogout();

  return (
    <header className="app-header">
      <div className="app-header__brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="app-header__name">{t('app.name')}</span>
        <span className={`live live--${realtime}`} role="status">
          <span className="live__dot" aria-hidden="true" />
          {t(`header.realtime.${realtime}`)}
        </span>
      </div>
      <div className="app-header__actions">
        {logoutMutation.isError && (
          <span className="app-header__error" role="alert">
            {describeError(t, logoutMutation.error)}
          </span>
        )}
        <a
          data-testid="nav-accounts"
          href={ACCOUNTS_HASH}
          className={accountsOpen ? 'nav-link nav-link--active' : 'nav-link'}
          aria-current={accountsOpen ? 'page' : undefined}
        >
          {t('header.accounts')}
          {accountsAttention && (
            <span className="nav-link__alert" title={t('header.accountsAttention')}>
              <span className="visually-hidden">{t('header.accountsAttention')}</span>
            </span>
          )}
        </a>
        <LanguageSwitch />
        <span className="user-chip" title={user.email}>
          <span className="avatar" aria-hidden="true">
            {user.initials}
          </span>
          <span className="user-chip__name">{user.name}</span>
          <span className="user-chip__initials">^{user.initials}</span>
        </span>
        <button
          data-testid="logout-button"
          className="button button--ghost"
          type="button"
          disabled={logoutMutation.isPending}
          onClick={() => logoutMutation.mutate()}
        >
          {t('header.logout')}
        </button>
      </div>
    </header>
  );
}
