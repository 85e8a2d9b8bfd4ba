import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelAccountHealthDto } from '../../../../common/types';
import { queryKeys } from '../../api/queryKeys';
import { describeError } from '../../i18n/describeError';
import { disconnectAccount, reauthoriseAccount } from './channelConnectionApi';

/** Admin actions on one account: re-authorise (X, when marked needs_reauth) and disconnect (confirmed). */
export function AccountAdminActions({ account }: { account: ChannelAccountHealthDto }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const disconnect = useMutation({
    mutationFn: () => disconnectAccount(account.id),
    onSuccess: () => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: queryKeys.channelAccounts() });
    },
  });
  const reauthorise = useMutation({
    mutationFn: () => reauthoriseAccount(account.id),
    onSuccess: ({ authorizeUrl }) => window.location.assign(authorizeUrl),
  });
  const error = disconnect.error ?? reauthorise.error;
  if (account.status === 'disabled') return null;

  return (
    <div className="connect-channels__actions" data-testid="account-admin-actions">
      {account.status === 'needs_reauth' && account.platform === 'x' && (
        <button
          data-testid="account-reauthorise"
          type="button"
          className="button button--small"
          disabled={reauthorise.isPending}
          onClick={() => reauthorise.mutate()}
        >
          {t('channels.reauthorise')}
        </button>
      )}
      {confirming ? (
        <>
          <span role="alert">{t('channels.confirmDisconnect')}</span>
          <button
            data-testid="account-disconnect-confirm"
            type="button"
            className="button button--small button--danger"
            disabled={disconnect.isPending}
            onClick={() => disconnect.mutate()}
          >
            {t('channels.confirm')}
          </button>
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => setConfirming(false)}
          >
            {t('channels.cancel')}
          </button>
        </>
      ) : (
        <button
          data-testid="account-disconnect"
          type="button"
          className="button button--small button--ghost"
          onClick={() => setConfirming(true)}
        >
          {t('channels.disconnect')}
        </button>
      )}
      {error && (
        <span className="error-text" role="alert">
          {describeError(t, error)}
        </span>
      )}
    </div>
  );
}
