import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role, type TeamDto } from '../../../../common/types';
import type { ManagedUserDto } from '../../../../common/userManagement';
import { describeError } from '../../i18n/describeError';
import { useResetPassword, useSetUserActive, useUpdateManagedUser } from './userAdminQueries';

interface UserRowFormProps {
  user: ManagedUserDto;
  teams: TeamDto[];
  isSelf: boolean;
}

/** One user as a table row: role, initials, language and teams edited in place, saved together. */
export function UserRowForm({ user, teams, isSelf }: UserRowFormProps) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>(user.role);
  const [initials, setInitials] = useState(user.initials);
  const [locale, setLocale] = useState(user.locale);
  const [teamIds, setTeamIds] = useState(user.teamIds);
  const [confirming, setConfirming] = useState(false);
  const update = useUpdateManagedUser();
  const setActive = useSetUserActive();
  const reset = useResetPassword();
  const label = (field: string) => t('admin.users.fieldFor', { field, name: user.name });

  const dirty =
    role !== user.role ||
    initials !== user.initials ||
    locale !== user.locale ||
    teamIds.length !== user.teamIds.length ||
    teamIds.some((id) => !user.teamIds.includes(id));
  const save = () =>
    update.mutate({
      id: user.id,
      patch: {
        ...(role !== user.role ? { role } : {}),
        ...(initials !== user.initials ? { initials } : {}),
        ...(locale !== user.locale ? { locale } : {}),
        teamIds,
      },
    });
  const error = update.error ?? setActive.error;

  return (
    <tr data-testid={`user-row-${user.email}`} className={user.active ? undefined : 'users__row--inactive'}>
      <th scope="row" className="users__name">
        <span className="users__text">{user.name}</span> {isSelf && t('admin.users.you')}
        <span className="users__email users__text">{user.email}</span>
      </th>
      <td>
        <select
          className="select select--compact"
          aria-label={label(t('admin.users.role'))}
          value={role}
          disabled={isSelf}
          onChange={(e) => setRole(e.target.value as Role)}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`admin.users.roles.${r}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          className="input users__initials"
          aria-label={label(t('admin.users.initials'))}
          value={initials}
          maxLength={4}
          onChange={(e) => setInitials(e.target.value)}
        />
      </td>
      <td>
        <select
          className="select select--compact"
          aria-label={label(t('admin.users.language'))}
          value={locale}
          onChange={(e) => setLocale(e.target.value as 'en' | 'de')}
        >
          <option value="en">{t('admin.users.languages.en')}</option>
          <option value="de">{t('admin.users.languages.de')}</option>
        </select>
      </td>
      <td>
        <fieldset className="users__teams">
          <legend className="visually-hidden">{t('admin.users.teamsFor', { name: user.name })}</legend>
          {teams.map((team) => (
            <label key={team.id} className="users__team">
              <input
                type="checkbox"
                checked={teamIds.includes(team.id)}
                onChange={(e) =>
                  setTeamIds(
                    e.target.checked ? [...teamIds, team.id] : teamIds.filter((id) => id !== team.id),
                  )
                }
              />
              {team.name}
            </label>
          ))}
        </fieldset>
      </td>
      <td>{user.active ? t('admin.users.active') : t('admin.users.inactive')}</td>
      <td>
        <div className="users__actions">
          <button
            type="button"
            className="button button--small"
            data-testid="user-save"
            disabled={!dirty || update.isPending}
            onClick={save}
          >
            {t('admin.users.save')}
          </button>
          {!isSelf &&
            (user.active ? (
              confirming ? (
                <span>
                  <span className="users__confirm">
                    {t('admin.users.confirmDeactivate', { name: user.name })}
                  </span>
                  <button
                    type="button"
                    className="button button--small button--danger"
                    data-testid="user-deactivate-confirm"
                    onClick={() => {
                      setConfirming(false);
                      setActive.mutate({ id: user.id, active: false });
                    }}
                  >
                    {t('admin.users.deactivate')}
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  className="button button--small button--ghost"
                  data-testid="user-deactivate"
                  onClick={() => setConfirming(true)}
                >
                  {t('admin.users.deactivate')}
                </button>
              )
            ) : (
              <button
                type="button"
                className="button button--small"
                data-testid="user-reactivate"
                onClick={() => setActive.mutate({ id: user.id, active: true })}
              >
                {t('admin.users.reactivate')}
              </button>
            ))}
          {!isSelf && user.active && (
            <button
              type="button"
              className="button button--small button--ghost"
              data-testid="user-reset-password"
              disabled={reset.isPending}
              onClick={() => reset.mutate(user.id)}
            >
              {t('admin.users.resetPassword')}
            </button>
          )}
          {reset.data && (
            <span role="status" className="users__saved" data-testid="user-temporary-password">
              {t('admin.users.temporaryPassword')} <code>{reset.data.temporaryPassword}</code>
            </span>
          )}
          {update.isSuccess && !dirty && (
            <span role="status" className="users__saved">
              {t('admin.users.saved')}
            </span>
          )}
          {error && (
            <span role="alert" className="form-error">
              {describeError(t, error)}
            </span>
          )}
        </div>
      </td>
    </tr>
  );
}
