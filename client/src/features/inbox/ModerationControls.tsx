import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageDto } from '../../../../common/types';
import { describeError } from '../../i18n/describeError';
import { useModerateMessage } from './inboxQueries';
import { moderationActions } from './moderation';

/**
 * Hide, unhide or delete a customer's comment on the page. Deleting cannot be undone, so it asks first,
 * inline next to the button rather than in a browser dialog that would block the whole inbox.
 */
export function ModerationControls({ message }: { message: MessageDto }) {
  const { t } = useTranslation();
  const moderate = useModerateMessage(message.conversationId, message.id);
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const questionId = useId();
  const actions = moderationActions(message);

  // Focus the safe choice, so an Enter pressed out of habit does not delete.
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  if (actions.length === 0) return null;
  const busy = moderate.isPending;

  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would bring form semantics to a row of actions
    <div className="moderation" role="group" aria-label={t('moderation.label')}>
      {actions.includes('hide') && (
        <button
          data-testid="moderate-hide"
          type="button"
          className="button button--small"
          title={t('moderation.hideTitle')}
          disabled={busy}
          onClick={() => moderate.mutate('hide')}
        >
          {t('moderation.hide')}
        </button>
      )}
      {actions.includes('unhide') && (
        <button
          data-testid="moderate-unhide"
          type="button"
          className="button button--small"
          disabled={busy}
          onClick={() => moderate.mutate('unhide')}
        >
          {t('moderation.unhide')}
        </button>
      )}
      {actions.includes('delete') && !confirming && (
        <button
          data-testid="moderate-delete"
          type="button"
          className="button button--small button--danger-ghost"
          disabled={busy}
          onClick={() => setConfirming(true)}
        >
          {t('moderation.delete')}
        </button>
      )}
      {confirming && (
        <span className="moderation__confirm">
          <span id={questionId}>{t('moderation.confirmDelete')}</span>
          <button
            data-testid="moderate-delete-confirm"
            type="button"
            className="button button--small button--danger"
            disabled={busy}
            onClick={() => moderate.mutate('delete', { onSettled: () => setConfirming(false) })}
          >
            {t('moderation.confirm')}
          </button>
          <button
            ref={cancelRef}
            type="button"
            aria-describedby={questionId}
            className="button button--small button--ghost"
            disabled={busy}
            onClick={() => setConfirming(false)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setConfirming(false);
            }}
          >
            {t('moderation.cancel')}
          </button>
        </span>
      )}
      {moderate.isError && (
        <span data-testid="moderation-error" className="delivery__error" role="alert">
          {describeError(t, moderate.error)}
        </span>
      )}
    </div>
  );
}
