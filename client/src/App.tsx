import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordScreen } from './features/auth/ChangePasswordScreen';
import { LoginScreen } from './features/auth/LoginScreen';
import { useCurrentUser } from './features/auth/session';
import { InboxScreen } from './features/inbox/InboxScreen';
import { InviteScreen, inviteTokenFromHash } from './features/users/InviteScreen';
import { setDisplayTimeZone } from './i18n/dateFormat';
import { describeError } from './i18n/describeError';
import { setLanguage } from './i18n/i18n';

export function App() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const user = me.data ?? null;

  // Language and time zone come from the profile (changing them in the header saves them there), so
  // every device shows the same. Set before rendering: formatters read the zone while rendering.
  if (user !== null) setDisplayTimeZone(user.timeZone);
  useEffect(() => {
    if (user !== null && i18n.resolvedLanguage !== user.locale) setLanguage(user.locale);
  }, [user, i18n]);

  // A one-time invitation link opens its own page, signed in or not.
  const inviteToken = inviteTokenFromHash(window.location.hash);
  if (inviteToken !== null)
    return (
      <InviteScreen
        token={inviteToken}
        onDone={() => {
          window.location.hash = '';
          window.location.reload();
        }}
      />
    );
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
  if (user === null) return <LoginScreen />;
  if (user.mustChangePassword) return <ChangePasswordScreen />;
  return <InboxScreen key={user.id} user={user} />;
}
