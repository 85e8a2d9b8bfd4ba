import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/ApiError';
import { OIDC_START_URL } from '../../api/authEndpoints';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { describeError } from '../../i18n/describeError';
import { useLogin } from './session';
import { ssoFailureFromHash, useSsoEnabled } from './sso';

export function LoginScreen() {
  const { t } = useTranslation();
  const loginMutation = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const ssoEnabled = useSsoEnabled();
  const [ssoFailure] = useState(() => ssoFailureFromHash(window.location.hash));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loginMutation.isPending) return;
    loginMutation.mutate({ email: email.trim(), password });
  };

  const { error } = loginMutation;
  // The server's 401 text may be English only; wrong credentials are common enough to deserve our wording.
  const errorText =
    error === null
      ? ssoFailure === null
        ? null
        : t(`login.ssoFailed.${ssoFailure}`)
      : isApiError(error) && error.status === 401
        ? t('login.invalid')
        : isApiError(error) && error.status === 423
          ? t('login.locked')
          : isApiError(error) && error.status === 429
            ? t('login.throttled')
            : describeError(t, error);

  return (
    <main className="login">
      <form className="login__card" onSubmit={onSubmit} noValidate>
        <div className="login__brand">
          <span className="brand-mark" aria-hidden="true" />
          <div>
            <h1 className="login__title">{t('app.name')}</h1>
            <p className="login__subtitle">{t('login.subtitle')}</p>
          </div>
        </div>
        <h2 className="login__heading">{t('login.title')}</h2>
        <label className="field">
          <span className="field__label">{t('login.email')}</span>
          <input
            data-testid="login-email"
            className="input"
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('login.password')}</span>
          <input
            data-testid="login-password"
            className="input"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {errorText !== null && (
          <p data-testid="login-error" className="form-error" role="alert">
            {errorText}
          </p>
        )}
        <button
          data-testid="login-submit"
          className="button button--primary button--block"
          type="submit"
          disabled={loginMutation.isPending || email.trim() === '' || password === ''}
        >
          {loginMutation.isPending ? t('login.submitting') : t('login.submit')}
        </button>
        {ssoEnabled && (
          <>
            <p className="login__or">{t('login.or')}</p>
            <a data-testid="login-sso" className="button button--block" href={OIDC_START_URL}>
              {t('login.sso')}
            </a>
          </>
        )}
        <div className="login__footer">
          <LanguageSwitch />
        </div>
      </form>
    </main>
  );
}
