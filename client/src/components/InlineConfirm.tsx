import { useEffect, useId, useRef } from 'react';

interface InlineConfirmProps {
  testId: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A yes/no question inside the page, not a browser dialog: the rest of the inbox stays usable, the
 * confirm button takes focus (it is the expected next step) and Esc or Cancel backs out.
 */
export function InlineConfirm({
  testId,
  question,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
}: InlineConfirmProps) {
  const questionId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);

  return (
    <div
      data-testid={`${testId}-prompt`}
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
        {question}
      </span>
      <button
        ref={confirmRef}
        data-testid={`${testId}-confirm`}
        type="button"
        className="button button--small button--primary"
        onClick={onConfirm}
      >
        {confirmLabel}
      </button>
      <button
        data-testid={`${testId}-cancel`}
        type="button"
        className="button button--small button--ghost"
        onClick={onCancel}
      >
        {cancelLabel}
      </button>
    </div>
  );
}
