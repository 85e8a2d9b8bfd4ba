import { useTranslation } from 'react-i18next';
import type { UserDto } from '../../../common/types';
import { DraftsMenu } from '../features/approvals/DraftsMenu';
import { useLogout, useUpdatePreferences } from '../features/auth/session';
import { hashForScreen, type Screen } from '../features/inbox/selectionHash';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { AvailabilityToggle } from '../features/routing/AvailabilityToggle';
import { AdminMenu } from '../features/users/AdminMenu';
import { describeError } from '../i18n/describeError';
import type { RealtimeStatus } from '../realtime/useRealtime';
import { LanguageSwitch } from './LanguageSwitch';
import { TimeZoneSelect } from './TimeZoneSelect';

interface AppHeaderProps {
  user: UserDto;
  realtime: RealtimeStatus;
  /** The screen covering the conversation pane, if any. */
  screen: Screen | null;
  /** An account needs someone to act (re-authorise); marks the Accounts link. */
  accountsAttention: boolean;
}

export function AppHeader({ user, realtime, screen, accountsAttention }: AppHeaderProps) {
  const accountsOpen = screen === 'accounts';
  const canLead = user.role === 'lead' || user.role === 'admin';
  const { t } = useTranslation();
  const logoutMutation = useLogout();
  const preferences = useUpdatePreferences();

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
        {canLead && (
          <a
            data-testid="nav-dashboard"
            href={hashForScreen('dashboard')}
            className={screen === 'dashboard' ? 'nav-link nav-link--active' : 'nav-link'}
            aria-current={screen === 'dashboard' ? 'page' : undefined}
          >
            {t('header.dashboard')}
          </a>
        )}
        {canLead && (
          <a
            data-testid="nav-reports"
            href={hashForScreen('reports')}
            className={screen === 'reports' ? 'nav-link nav-link--active' : 'nav-link'}
            aria-current={screen === 'reports' ? 'page' : undefined}
          >
            {t('reports.nav')}
          </a>
        )}
        <a
          data-testid="nav-accounts"
          href={hashForScreen('accounts')}
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
        {(user.role === 'admin' || user.role === 'lead') && (
          <a
            data-testid="nav-sla"
            href={hashForScreen('sla')}
            className={screen === 'sla' ? 'nav-link nav-link--active' : 'nav-link'}
            aria-current={screen === 'sla' ? 'page' : undefined}
          >
            {t('header.sla')}
          </a>
        )}
        {(user.role === 'admin' || user.role === 'lead') && (
          <a
            data-testid="nav-routing"
            href={hashForScreen('routing')}
            className={screen === 'routing' ? 'nav-link nav-link--active' : 'nav-link'}
            aria-current={screen === 'routing' ? 'page' : undefined}
          >
            {t('routing.nav')}
          </a>
        )}
        {user.role === 'admin' && <AdminMenu screen={screen} />}
        <AvailabilityToggle />
        <DraftsMenu enabled={user.requiresApproval !== true} />
        <NotificationBell />
        <LanguageSwitch onPick={(locale) => preferences.mutate({ locale })} />
        <TimeZoneSelect value={user.timeZone} onChange={(timeZone) => preferences.mutate({ timeZone })} />
        <a
          data-testid="nav-password"
          className="user-chip"
          href={hashForScreen('password')}
          title={`${user.email} · ${t('password.changeLink')}`}
          aria-label={`${user.name} (${user.email}): ${t('password.changeLink')}`}
        >
          <span className="avatar" aria-hidden="true">
            {user.initials}
          </span>
          <span className="user-chip__name">{user.name}</span>
          <span className="user-chip__initials">^{user.initials}</span>
        </a>
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
