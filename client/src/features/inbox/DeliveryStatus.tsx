import { useTranslation } from 'react-i18next';
import type { MessageDto } from '../../../../common/types';
import { describeError } from '../../i18n/describeError';
import { useRetryMessage } from './inboxQueries';

/** Outbox state of an outbound reply; a failed one shows the platform's reason and can be sent again. */
export function DeliveryStatus({ message }: { message: MessageDto }) {
  const { t } = useTranslation();
  const retry = useRetryMessage(message.conversationId);
  const state = message.deliveryState;
  // A draft's state is shown by DraftReview (awaiting approval / rejected).
  if (state === null || state === 'draft') return null;

  return (
    <div className="delivery">
      <span data-testid="delivery-state" data-state={state} className={`badge badge--${state}`}>
        {t(`delivery.${state}`)}
      </span>
      {state === 'failed' && (
        <>
          <span className="delivery__error" dir="auto">
            {message.deliveryError ?? t('message.deliveryFailed')}
          </span>
          <button
            data-testid="retry-button"
            type="button"
            className="button button--small"
            disabled={retry.isPending}
            onClick={() => retry.mutate(message.id)}
          >
            {retry.isPending ? t('message.retrying') : t('message.retry')}
          </button>
        </>
      )}
      {retry.isError && (
        <span className="delivery__error" role="alert">
          {describeError(t, retry.error)}
        </span>
      )}
    </div>
  );
}
