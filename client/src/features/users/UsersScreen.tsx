import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserDto } from '../../../../common/types';
import { formatFullTimestamp } from '../../i18n/dateFormat';
import { describeError } from '../../i18n/describeError';
import { useTeams } from '../inbox/filters/savedFilterQueries';
import { InviteForm } from './InviteForm';
import { UserRowForm } from './UserRowForm';
import { useManagedUsers } from './userAdminQueries';

/** User management (#/users, admins): every user with role, initials, language, teams; invitations. */
export function UsersScreen({ user, onClose }: { user: UserDto; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const base = useId();
  const users = useManagedUsers();
  const teams = useTeams();
  const locale = i18n.resolvedLanguage ?? 'en';

  return (
    <section data-testid="users-screen" className="health users" aria-labelledby={`${base}-title`}>
      <header className="health__header">
        <h2 id={`${base}-title`} className="health__title">
          {t('admin.users.title')}
        </h2>
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t('admin.users.close')}
        </button>
      </header>
      {users.isError && (
        <div className="banner banner--error" role="alert">
          {describeError(t, users.error)}
        </div>
      )}
      {users.data === undefined || teams.data === undefined ? (
        <p className="placeholder">{t('admin.users.loading')}</p>
      ) : (
        <>
          <div className="users__scroll">
            <table className="sla-table users__table" data-testid="users-table">
              <caption className="sla-table__caption">{t('admin.users.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.users.name')}</th>
                  <th scope="col">{t('admin.users.role')}</th>
                  <th scope="col">{t('admin.users.initials')}</th>
                  <th scope="col">{t('admin.users.language')}</th>
                  <th scope="col">{t('admin.users.teams')}</th>
                  <th scope="col">{t('admin.users.status')}</th>
                  <th scope="col">{t('admin.users.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {users.data.users.map((u) => (
                  // Keyed by content too: a saved change resets the row's edits to the server's values.
                  <UserRowForm
                    key={`${u.id}:${u.role}:${u.initials}:${u.locale}:${u.teamIds.join()}`}
                    user={u}
                    teams={teams.data}
                    isSelf={u.id === user.id}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <InviteForm teams={teams.data} />
          <section className="sla-section" aria-labelledby={`${base}-pending`}>
            <h3 id={`${base}-pending`} className="sla-section__title">
              {t('admin.users.invite.pending')}
            </h3>
            {users.data.invites.length === 0 ? (
              <p className="sla-section__hint">{t('admin.users.invite.none')}</p>
            ) : (
              <ul data-testid="pending-invites">
                {users.data.invites.map((i) => (
                  <li key={i.id}>
                    <span className="users__text">{i.email}</span> · {t(`admin.users.roles.${i.role}`)} ·{' '}
                    {t('admin.users.invite.expires', { time: formatFullTimestamp(i.expiresAt, locale) })}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </section>
  );
}
