import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/queryKeys';
import { describeError } from '../../i18n/describeError';
import { connectFacebookPage, connectXWithKeys, startXOAuth, type XKeys } from './channelConnectionApi';

type Form = 'none' | 'keys' | 'facebook';
const KEY_FIELDS = ['appKey', 'appSecret', 'accessToken', 'accessSecret'] as const;

/** What the OAuth callback put in the URL (`?connected=` or `?connectError=`), read once and removed. */
function takeCallbackResult(): { ok: boolean; reason: string } | null {
  const params = new URLSearchParams(window.location.search);
  const connected = params.get('connected');
  const error = params.get('connectError');
  if (!connected && !error) return null;
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.hash}`);
  return connected ? { ok: true, reason: '' } : { ok: false, reason: error ?? '' };
}

/** Admins connect X accounts (OAuth 2.0 or keys) and Facebook pages. Secrets go to the server only. */
export function ConnectChannels() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Form>('none');
  const [result, setResult] = useState(takeCallbackResult);
  const [keys, setKeys] = useState<XKeys>({ appKey: '', appSecret: '', accessToken: '', accessSecret: '' });
  const [userToken, setUserToken] = useState('');
  const [pageId, setPageId] = useState('');

  const done = () => {
    setResult({ ok: true, reason: '' });
    setForm('none');
    setKeys({ appKey: '', appSecret: '', accessToken: '', accessSecret: '' });
    setUserToken('');
    setPageId('');
    void queryClient.invalidateQueries({ queryKey: queryKeys.channelAccounts() });
  };
  const failed = (error: unknown) => setResult({ ok: false, reason: describeError(t, error) });

  const oauth = useMutation({
    mutationFn: startXOAuth,
    onSuccess: ({ authorizeUrl }) => window.location.assign(authorizeUrl),
    onError: failed,
  });
  const withKeys = useMutation({ mutationFn: connectXWithKeys, onSuccess: done, onError: failed });
  const facebook = useMutation({ mutationFn: connectFacebookPage, onSuccess: done, onError: failed });
  const busy = oauth.isPending || withKeys.isPending || facebook.isPending;

  const submitKeys = (event: FormEvent) => {
    event.preventDefault();
    withKeys.mutate(keys);
  };
  const submitFacebook = (event: FormEvent) => {
    event.preventDefault();
    facebook.mutate(pageId.trim() ? { userToken, pageId: pageId.trim() } : { userToken });
  };

  return (
    <section
      data-testid="connect-channels"
      className="account__section"
      aria-labelledby="connect-channels-title"
    >
      <h3 id="connect-channels-title" className="account__heading">
        {t('channels.title')}
      </h3>
      <p className="muted">{t('channels.intro')}</p>
      {result && (
        <div
          data-testid="connect-result"
          className={`banner ${result.ok ? 'banner--info' : 'banner--error'}`}
          role={result.ok ? 'status' : 'alert'}
        >
          <span>{result.ok ? t('channels.connected') : t('channels.failed', { reason: result.reason })}</span>
          <button type="button" className="button button--small" onClick={() => setResult(null)}>
            {t('channels.dismiss')}
          </button>
        </div>
      )}
      <div className="connect-channels__actions">
        <button
          data-testid="connect-x-oauth"
          type="button"
          className="button"
          disabled={busy}
          onClick={() => oauth.mutate()}
        >
          {t('channels.connectX')}
        </button>
        <button
          type="button"
          className="button button--ghost"
          disabled={busy}
          onClick={() => setForm('keys')}
        >
          {t('channels.connectXKeys')}
        </button>
        <button
          type="button"
          className="button button--ghost"
          disabled={busy}
          onClick={() => setForm('facebook')}
        >
          {t('channels.connectFacebook')}
        </button>
      </div>
      {form === 'keys' && (
        <form data-testid="connect-x-keys" onSubmit={submitKeys} autoComplete="off">
          {KEY_FIELDS.map((field) => (
            <label key={field} className="field">
              <span>{t(`channels.${field}`)}</span>
              <input
                type="password"
                required
                value={keys[field]}
                onChange={(e) => setKeys({ ...keys, [field]: e.target.value })}
              />
            </label>
          ))}
          <FormButtons busy={busy} onCancel={() => setForm('none')} />
        </form>
      )}
      {form === 'facebook' && (
        <form data-testid="connect-facebook" onSubmit={submitFacebook} autoComplete="off">
          <label className="field">
            <span>{t('channels.userToken')}</span>
            <input
              type="password"
              required
              value={userToken}
              onChange={(e) => setUserToken(e.target.value)}
            />
          </label>
          <label className="field">
            <span>{t('channels.pageId')}</span>
            <input inputMode="numeric" value={pageId} onChange={(e) => setPageId(e.target.value)} />
          </label>
          <FormButtons busy={busy} onCancel={() => setForm('none')} />
        </form>
      )}
    </section>
  );
}

function FormButtons({ busy, onCancel }: { busy: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="connect-channels__actions">
      <button type="submit" className="button" disabled={busy}>
        {busy ? t('channels.connecting') : t('channels.submit')}
      </button>
      <button type="button" className="button button--ghost" onClick={onCancel}>
        {t('channels.cancel')}
      </button>
    </div>
  );
}
