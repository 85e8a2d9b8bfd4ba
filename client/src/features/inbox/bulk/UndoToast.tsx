import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../i18n/describeError';
import { undoStore, useUndoEntry } from './undoStore';
import { failuresOf, useBulkRequest } from './useBulkChanges';

/** How long the offer to undo stays on screen; `z` works as long as it shows. */
export const UNDO_VISIBLE_MS = 10_000;

/** Undo for the last action: runs the reversing request, only where nobody changed things since. */
export function useUndo() {
  const entry = useUndoEntry();
  const bulk = useBulkRequest();
  const [outcome, setOutcome] = useState<{ failed: number } | null>(null);
  return {
    entry,
    pending: bulk.isPending,
    error: bulk.error,
    outcome,
    run(): boolean {
      const taken = undoStore.take(entry?.id);
      if (taken === null) return false;
      setOutcome(null);
      bulk.mutate(taken.request, { onSuccess: (response) => setOutcome(failuresOf(response)) });
      return true;
    },
    clearOutcome: () => setOutcome(null),
  };
}

export function UndoToast({ undo }: { undo: ReturnType<typeof useUndo> }) {
  const { t } = useTranslation();
  const { entry, outcome, clearOutcome } = undo;

  useEffect(() => {
    if (entry === null) return;
    const timer = setTimeout(() => undoStore.dismiss(entry.id), UNDO_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [entry]);
  useEffect(() => {
    if (outcome === null) return;
    const timer = setTimeout(clearOutcome, 4000);
    return () => clearTimeout(timer);
  }, [outcome, clearOutcome]);

  if (entry === null && outcome === null && !undo.pending && undo.error === null) return null;
  return (
    <div data-testid="undo-toast" className="toast" role="status" aria-live="polite">
      {entry !== null && (
        <>
          <span>
            {entry.what === 'bulk'
              ? t('undo.what.bulk', { count: entry.count })
              : t(`undo.what.${entry.what}`)}
          </span>
          <button
            type="button"
            data-testid="undo-button"
            className="button button--small"
            title={t('undo.hint')}
            onClick={() => undo.run()}
          >
            {t('undo.undo')}
          </button>
        </>
      )}
      {entry === null && undo.pending && <span>{t('undo.undoing')}</span>}
      {entry === null && outcome !== null && (
        <span data-testid="undo-outcome">
          {outcome.failed === 0 ? t('undo.done') : t('undo.partial', { failed: outcome.failed })}
        </span>
      )}
      {entry === null && undo.error !== null && <span role="alert">{describeError(t, undo.error)}</span>}
    </div>
  );
}
