import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserDto } from '../../../../common/types';
import { type MentionQuery, matchColleagues, mentionAt } from './mentions';
import { useUsers } from './workflowQueries';

export interface MentionState {
  mention: MentionQuery | null;
  suggestions: UserDto[];
  open: boolean;
  active: number;
  move: (delta: 1 | -1) => void;
  /** Hides the list for the mention being typed (Esc); a new "@" opens it again. */
  dismiss: () => void;
}

/** Colleagues to offer while an @mention is typed in a note (`caret` null: the box is not focused). */
export function useMentionSuggestions(text: string, caret: number | null, enabled: boolean, selfId: string) {
  const users = useUsers(enabled);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [activeState, setActive] = useState({ key: '', index: 0 });
  const mention = enabled && caret !== null ? mentionAt(text, caret) : null;
  const suggestions =
    mention === null || users.data === undefined
      ? []
      : matchColleagues(users.data.users, mention.query, selfId);
  const open = mention !== null && suggestions.length > 0 && dismissedAt !== mention.start;
  // The highlighted entry starts at the top again whenever what was typed changes.
  const key = mention === null ? '' : `${mention.start}:${mention.query}`;
  const active = activeState.key === key ? Math.min(activeState.index, suggestions.length - 1) : 0;

  const state: MentionState = {
    mention,
    suggestions,
    open,
    active,
    move: (delta) =>
      setActive({ key, index: (active + delta + suggestions.length) % Math.max(1, suggestions.length) }),
    dismiss: () => setDismissedAt(mention?.start ?? null),
  };
  return state;
}

interface MentionListProps {
  id: string;
  state: MentionState;
  onPick: (user: UserDto) => void;
}

/** The suggestion list above the note box; picked with a click, or Enter/Tab from the text box. */
export function MentionList({ id, state, onPick }: MentionListProps) {
  const { t } = useTranslation();
  if (!state.open) return null;
  return (
    <div id={id} role="listbox" aria-label={t('composer.mentions')} className="mentions">
      {state.suggestions.map((colleague, index) => (
        <div
          key={colleague.id}
          id={`${id}-${index}`}
          data-testid="mention-option"
          data-user-id={colleague.id}
          role="option"
          tabIndex={-1}
          aria-selected={index === state.active}
          className={index === state.active ? 'mentions__item mentions__item--active' : 'mentions__item'}
          // mousedown, not click: the text box must keep focus (and its caret) while picking.
          onMouseDown={(event) => {
            event.preventDefault();
            onPick(colleague);
          }}
        >
          <span className="avatar avatar--small" aria-hidden="true">
            {colleague.initials}
          </span>
          <span dir="auto">{colleague.name}</span>
          <span className="mentions__initials">@{colleague.initials}</span>
        </div>
      ))}
    </div>
  );
}
