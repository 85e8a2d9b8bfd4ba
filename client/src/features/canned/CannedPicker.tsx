import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { renderPlaceholders } from '../../../../common/placeholders';
import type { CannedResponseDto } from '../../../../common/types';
import type { CannedKeyPress } from './cannedKeys';
import type { CannedPickerState } from './useCannedPicker';

const PREVIEW_LENGTH = 140;

interface CannedPickerProps {
  id: string;
  state: CannedPickerState;
  onPick: (item: CannedResponseDto) => void;
  /** Keys pressed in the picker's own search box (arrows, Enter, Escape). */
  onSearchKey: (press: CannedKeyPress) => boolean;
  /** Leads and admins get a way to the manager from here. */
  onManage?: (() => void) | undefined;
}

/**
 * Canned responses matching what was typed after ";" (or in the search box), each with its text as it
 * will be inserted for this customer. Picked with a click, or arrows and Enter; Escape closes.
 */
export function CannedPicker({ id, state, onPick, onSearchKey, onManage }: CannedPickerProps) {
  const { t } = useTranslation();
  if (!state.open) return null;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const press = {
      key: event.key,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      isComposing: event.nativeEvent.isComposing,
    };
    if (onSearchKey(press)) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  return (
    <div data-testid="canned-picker" className="canned">
      {state.search !== null && (
        <input
          data-testid="canned-search"
          className="input canned__search"
          type="search"
          // biome-ignore lint/a11y/noAutofocus: opened on request (button or Ctrl+Space); typing goes here.
          autoFocus
          role="combobox"
          aria-expanded="true"
          aria-controls={id}
          aria-activedescendant={state.matches.length > 0 ? `${id}-${state.active}` : undefined}
          aria-label={t('canned.search')}
          placeholder={t('canned.search')}
          value={state.search.query}
          onChange={(event) => state.setQuery(event.target.value)}
          onKeyDown={onKeyDown}
        />
      )}
      <div id={id} role="listbox" aria-label={t('canned.title')} className="canned__list">
        {state.loading && <p className="canned__empty">{t('canned.loading')}</p>}
        {!state.loading && state.matches.length === 0 && (
          <p className="canned__empty" data-testid="canned-empty">
            {state.query === '' ? t('canned.none') : t('canned.noMatch', { query: state.query })}
          </p>
        )}
        {state.matches.map((item, index) => {
          const rendered = renderPlaceholders(item.body, state.values);
          const preview =
            rendered.text.length > PREVIEW_LENGTH
              ? `${rendered.text.slice(0, PREVIEW_LENGTH)}…`
              : rendered.text;
          return (
            <div
              key={item.id}
              id={`${id}-${index}`}
              data-testid="canned-option"
              data-shortcut={item.shortcut}
              role="option"
              tabIndex={-1}
              aria-selected={index === state.active}
              className={index === state.active ? 'canned__item canned__item--active' : 'canned__item'}
              // mousedown, not click: the text box keeps its focus and caret while picking.
              onMouseDown={(event) => {
                event.preventDefault();
                onPick(item);
              }}
            >
              <span className="canned__head">
                <span className="canned__shortcut">;{item.shortcut}</span>
                <span className="canned__title" dir="auto">
                  {item.title}
                </span>
                <span className="canned__lang">{item.language}</span>
              </span>
              <span className="canned__preview" dir="auto">
                {preview}
              </span>
              {rendered.unknown.length > 0 && (
                <span className="canned__warning" data-testid="canned-unknown">
                  {t('canned.unknown', { names: rendered.unknown.map((n) => `{{${n}}}`).join(', ') })}
                </span>
              )}
            </div>
          );
        })}
      </div>
      <div className="canned__footer">
        <span className="muted">{t('canned.hint')}</span>
        {onManage !== undefined && (
          <button
            type="button"
            data-testid="canned-manage"
            className="button button--ghost button--small"
            onMouseDown={(event) => event.preventDefault()}
            onClick={onManage}
          >
            {t('canned.manage')}
          </button>
        )}
      </div>
    </div>
  );
}
