import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/ApiError';
import { changePassword } from '../../api/authEndpoints';
import { queryKeys } from '../../api/queryKeys';
import { describeError } from '../../i18n/describeError';
import { useLogout } from './session';

const MIN_LENGTH = 12;

/** After an admin reset: the temporary password must be replaced before the inbox opens. */
export function ChangePasswordScreen() {
  return (
    <main className="login">
      <ChangePasswordForm />
    </main>
  );
}

/**
 * The password form: forced after an admin reset (with a way out: sign out), or chosen by the user
 * from the header (`voluntary`; `onDone` closes it after the change). Other sessions end either way.
 */
export function ChangePasswordForm({
  voluntary = false,
  onDone,
}: {
  voluntary?: boolean;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const logout = useLogout();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const mutation = useMutation({
    mutationFn: () => changePassword({ currentPassword, newPassword }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.me() });
      onDone?.();
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!mutation.isPending) mutation.mutate();
  };
  const { error } = mutation;
  const errorText =
    error === null
      ? null
      : isApiError(error) && error.code === 'wrong_password'
        ? t('password.wrong')
        : isApiError(error) && error.code === 'same_password'
          ? t('password.same')
          : isApiError(error) && error.field === 'newPassword'
            ? t('password.tooShort')
            : describeError(t, error);

  return (
    <form className="login__card" data-testid="password-form" onSubmit={onSubmit} noValidate>
      <h1 className="login__heading">{voluntary ? t('password.changeTitle') : t('password.title')}</h1>
      <p>{voluntary ? t('password.changeIntro') : t('password.intro')}</p>
      <label className="field">
        <span className="field__label">
          {voluntary ? t('password.currentVoluntary') : t('password.current')}
        </span>
        <input
          data-testid="password-current"
          className="input"
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.target.value)}
        />
      </label>
      <label className="field">
        <span className="field__label">{t('password.new')}</span>
        <input
          data-testid="password-new"
          className="input"
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_LENGTH}
          aria-describedby="password-hint"
          value={newPassword}
          onChange={(event) => setNewPassword(event.target.value)}
        />
      </label>
      <p id="password-hint" className="login__hint">
        {t('password.hint')}
      </p>
      {errorText !== null && (
        <p data-testid="password-error" className="form-error" role="alert">
          {errorText}
        </p>
      )}
      <button
        data-testid="password-submit"
        className="button button--primary button--block"
        type="submit"
        disabled={mutation.isPending || currentPassword === '' || newPassword.length < MIN_LENGTH}
      >
        {mutation.isPending ? t('password.submitting') : t('password.submit')}
      </button>
      {voluntary ? (
        <button type="button" className="button button--block" onClick={() => onDone?.()}>
          {t('password.cancel')}
        </button>
      ) : (
        <button type="button" className="button button--block" onClick={() => logout.mutate()}>
          {t('header.logout')}
        </button>
      )}
    </form>
  );
}
