import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LoginScreen } from './features/auth/LoginScreen';
import { useCurrentUser } from './features/auth/session';
import { InboxScreen } from './features/inbox/InboxScreen';
import { describeError } from './i18n/describeError';
import { readStoredLanguage } from './i18n/language';

export function App() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const user = me.data ?? null;

  // The profile's language applies until the agent picks one in this browser.
  useEffect(() => {
    if (user !== null && readStoredLanguage() === null && i18n.resolvedLanguage !== user.locale) {
      void i18n.changeLanguage(user.locale);
    }
  }, [user, i18n]);

  if (me.isPending) return <p className="placeholder placeholder--center">{t('app.loading')}</p>;
  if (me.isError && me.data === undefined) {
    return (
      <div className="placeholder placeholder--center" role="alert">
        <p>{describeError(t, me.error)}</p>
        <button type="button" className="button" onClick={() => void me.refetch()}>
          {t('errors.tryAgain')}
        </button>
      </div>
    );
  }
  return user === null ? <LoginScreen /> : <InboxScreen key={user.id} user={user} />;
}
