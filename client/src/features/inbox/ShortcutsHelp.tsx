import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CTRL_KEY, SHORTCUT_HELP } from './keymap';

/** The "?" overlay listing every keyboard shortcut; Esc, the button or a click outside closes it. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);

  // Focus moves into the dialog and back to where it was when it closes.
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeRef.current?.focus();
    return () => previous?.focus();
  }, []);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (!dialogRef.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [onClose]);

  return (
    <div className="overlay">
      <div
        ref={dialogRef}
        data-testid="shortcuts-help"
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
      >
        <header className="dialog__header">
          <h2 id={titleId} className="dialog__title">
            {t('shortcuts.title')}
          </h2>
          <button
            ref={closeRef}
            type="button"
            className="button button--ghost button--small"
            onClick={onClose}
          >
            {t('shortcuts.close')}
          </button>
        </header>
        <p className="muted dialog__hint">{t('shortcuts.hint')}</p>
        <dl className="shortcuts">
          {SHORTCUT_HELP.map(({ keys, action }) => (
            <div key={action} className="shortcuts__row" data-action={action}>
              <dt className="shortcuts__keys">
                {keys.map((key) => (
                  <kbd key={key} className="kbd">
                    {key === CTRL_KEY ? t('shortcuts.ctrlKey') : key}
                  </kbd>
                ))}
              </dt>
              <dd className="shortcuts__action">{t(`shortcuts.actions.${action}`)}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
