import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface TakeoverConfirmProps {
  /** The colleague the conversation is assigned to, when known; otherwise the server's message is shown. */
  assigneeName: string | null;
  serverMessage: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * "Assigned to Anna Berger. Reply anyway and take it over?" inside the composer, not a browser dialog:
 * the rest of the inbox stays usable, and Esc or Cancel keeps the draft as it is.
 */
export function TakeoverConfirm({ assigneeName, serverMessage, onConfirm, onCancel }: TakeoverConfirmProps) {
  const { t } = useTranslation();
  const questionId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);

  // The agent just asked to send: confirming is the expected next step, Esc the way out.
  useEffect(() => confirmRef.current?.focus(), []);

  return (
    <div
      data-testid="takeover-prompt"
      className="takeover"
      role="alertdialog"
      aria-labelledby={questionId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onCancel();
      }}
    >
      <span id={questionId} className="takeover__question">
        {assigneeName === null ? serverMessage : t('composer.takeover.question', { name: assigneeName })}
      </span>
      <button
        ref={confirmRef}
        data-testid="takeover-confirm"
        type="button"
        className="button button--small button--primary"
        onClick={onConfirm}
      >
        {t('composer.takeover.confirm')}
      </button>
      <button
        data-testid="takeover-cancel"
        type="button"
        className="button button--small button--ghost"
        onClick={onCancel}
      >
        {t('composer.takeover.cancel')}
      </button>
    </div>
  );
}
