import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role, type TeamDto } from '../../../../common/types';
import { describeError } from '../../i18n/describeError';
import { useInviteUser } from './userAdminQueries';

/** Invite by email: the server answers with a one-time link, shown once for the admin to pass on. */
export function InviteForm({ teams }: { teams: TeamDto[] }) {
  const { t } = useTranslation();
  const base = useId();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [locale, setLocale] = useState<'en' | 'de'>('en');
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const invite = useInviteUser();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate({ email: email.trim(), role, locale, teamIds });
  };
  const link = invite.data ? new URL(invite.data.link, window.location.origin).href : null;

  return (
    <section className="sla-section" aria-labelledby={`${base}-title`}>
      <h3 id={`${base}-title`} className="sla-section__title">
        {t('admin.users.invite.title')}
      </h3>
      <form className="users__invite" onSubmit={submit} data-testid="invite-form">
        <label className="field">
          <span className="field__label">{t('admin.users.invite.email')}</span>
          <input
            className="input"
            type="email"
            required
            maxLength={320}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('admin.users.role')}</span>
          <select className="select" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`admin.users.roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('admin.users.language')}</span>
          <select
            className="select"
            value={locale}
            onChange={(e) => setLocale(e.target.value as 'en' | 'de')}
          >
            <option value="en">{t('admin.users.languages.en')}</option>
            <option value="de">{t('admin.users.languages.de')}</option>
          </select>
        </label>
        <fieldset className="users__teams">
          <legend className="field__label">{t('admin.users.teams')}</legend>
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
        <button type="submit" className="button" disabled={invite.isPending}>
          {t('admin.users.invite.submit')}
        </button>
      </form>
      {invite.isError && (
        <p role="alert" className="form-error">
          {describeError(t, invite.error)}
        </p>
      )}
      {invite.data && link && (
        <div role="status" className="users__link">
          <p>{t('admin.users.invite.created', { email: invite.data.invite.email })}</p>
          <label className="field">
            <span className="field__label">{t('admin.users.invite.link')}</span>
            <input
              data-testid="invite-link"
              className="input"
              readOnly
              value={link}
              onFocus={(e) => e.target.select()}
            />
          </label>
        </div>
      )}
    </section>
  );
}
