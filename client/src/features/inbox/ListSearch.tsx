import { type Ref, useId } from 'react';
import { useTranslation } from 'react-i18next';

interface ListSearchProps {
  value: string;
  onChange: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
  /** Opens the keyboard shortcut help. */
  onShowShortcuts: () => void;
  /** Enter: search every conversation on the server. */
  onSubmit?: () => void;
  /** Arrow down: move into the results. */
  onArrowDown?: () => void;
}

/**
 * Filters the loaded rows as you type ("/" focuses it); Enter searches the server; Esc clears it, and a
 * second Esc leaves it.
 */
export function ListSearch({
  value,
  onChange,
  inputRef,
  onShowShortcuts,
  onSubmit,
  onArrowDown,
}: ListSearchProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="list-search">
      <label className="visually-hidden" htmlFor={id}>
        {t('list.search')}
      </label>
      <input
        ref={inputRef}
        id={id}
        data-testid="list-search"
        type="search"
        className="input list-search__input"
        placeholder={t('list.searchPlaceholder')}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        title={onSubmit ? t('search.enterHint') : undefined}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && onSubmit && !event.nativeEvent.isComposing) {
            event.preventDefault();
            onSubmit();
            return;
          }
          if (event.key === 'ArrowDown' && onArrowDown) {
            event.preventDefault();
            onArrowDown();
            return;
          }
          if (event.key !== 'Escape') return;
          event.preventDefault();
          if (value !== '') onChange('');
          else event.currentTarget.blur();
        }}
      />
      <button
        data-testid="shortcuts-button"
        type="button"
        className="button button--ghost button--small list-search__help"
        title={t('list.shortcuts')}
        aria-label={t('list.shortcuts')}
        onClick={onShowShortcuts}
      >
        ?
      </button>
    </div>
  );
}
