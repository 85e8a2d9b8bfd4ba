import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/ApiError';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { describeError } from '../../i18n/describeError';
import { useAcceptInvite, useInviteInfo } from './userAdminQueries';

const INVITE_PREFIX = '#/invite/';

/** The token of a one-time invitation link (`#/invite/<token>`), or null. */
export function inviteTokenFromHash(hash: string): string | null {
  if (!hash.startsWith(INVITE_PREFIX)) return null;
  const token = hash.slice(INVITE_PREFIX.length);
  return /^[\w-]{20,100}$/.test(token) ? token : null;
}

/** The invitee's page: choose name, initials and password; then sign in as usual. */
export function InviteScreen({ token, onDone }: { token: string; onDone: () => void }) {
  const { t } = useTranslation();
  const info = useInviteInfo(token);
  const accept = useAcceptInvite(token);
  const [name, setName] = useState('');
  const [initials, setInitials] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate({ name: name.trim(), initials: initials.trim(), password });
  };
  const invalid = info.isError && isApiError(info.error) && info.error.status === 404;

  return (
    <main className="login">
      <form className="login__card" onSubmit={submit} data-testid="invite-accept-form">
        <div className="login__brand">
          <span className="brand-mark" aria-hidden="true" />
          <div>
            <h1 className="login__title">{t('app.name')}</h1>
          </div>
        </div>
        <h2 className="login__heading">{t('admin.invite.title')}</h2>
        {info.isPending && <p>{t('admin.invite.loading')}</p>}
        {invalid && (
          <p className="form-error" role="alert" data-testid="invite-invalid">
            {t('admin.invite.invalid')}
          </p>
        )}
        {info.isError && !invalid && (
          <p className="form-error" role="alert">
            {describeError(t, info.error)}
          </p>
        )}
        {accept.isSuccess ? (
          <>
            <p role="status" data-testid="invite-done">
              {t('admin.invite.done')}
            </p>
            <button type="button" className="button button--primary button--block" onClick={onDone}>
              {t('admin.invite.signIn')}
            </button>
          </>
        ) : (
          info.data && (
            <>
              <p className="users__text">{t('admin.invite.intro', { email: info.data.email })}</p>
              <label className="field">
                <span className="field__label">{t('admin.invite.name')}</span>
                <input
                  data-testid="invite-name"
                  className="input"
                  autoComplete="name"
                  required
                  maxLength={100}
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                />
              </label>
              <label className="field">
                <span className="field__label">{t('admin.invite.initials')}</span>
                <input
                  data-testid="invite-initials"
                  className="input"
                  required
                  maxLength={4}
                  value={initials}
                  onChange={(e) => setInitials(e.target.value)}
                />
              </label>
              <label className="field">
                <span className="field__label">{t('admin.invite.password')}</span>
                <input
                  data-testid="invite-password"
                  className="input"
                  type="password"
                  autoComplete="new-password"
                  required
                  minLength={12}
                  maxLength={128}
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              </label>
              {accept.isError && (
                <p className="form-error" role="alert">
                  {describeError(t, accept.error)}
                </p>
              )}
              <button
                data-testid="invite-submit"
                className="button button--primary button--block"
                type="submit"
                disabled={accept.isPending}
              >
                {accept.isPending ? t('admin.invite.submitting') : t('admin.invite.submit')}
              </button>
            </>
          )
        )}
        <div className="login__footer">
          <LanguageSwitch />
        </div>
      </form>
    </main>
  );
}
