import { useState } from 'react';
import {
  type PlaceholderValues,
  type RenderedTemplate,
  renderPlaceholders,
} from '../../../../common/placeholders';
import type { CannedResponseDto } from '../../../../common/types';
import { type CannedKeyPress, cannedKeyAction, isCannedShortcut } from './cannedKeys';
import { type CannedTrigger, cannedTriggerAt, insertAt, matchCanned } from './cannedMatch';
import { useCannedResponses } from './cannedQueries';

/** Opened with the button or Ctrl+Space: its own search box, inserting over what was selected. */
interface SearchMode {
  query: string;
  range: { from: number; to: number };
}

export interface CannedPickerState {
  open: boolean;
  /** Set while opened by button / Ctrl+Space: the picker shows its own search box. */
  search: SearchMode | null;
  query: string;
  matches: CannedResponseDto[];
  active: number;
  loading: boolean;
  values: PlaceholderValues;
  setQuery: (query: string) => void;
  move: (delta: 1 | -1) => void;
  close: () => void;
}

/** Shown under the composer after an insert whose placeholders did not all resolve. */
export interface CannedNotice {
  kind: 'unknown' | 'empty';
  /** The placeholders concerned, written as in the template: "{{order.id}}, {{customer.handle}}". */
  names: string;
}

export interface CannedInsert {
  text: string;
  caret: number;
  rendered: RenderedTemplate;
  item: CannedResponseDto;
}

interface Options {
  text: string;
  /** Where the caret is while the text box has focus (null otherwise). */
  caret: number | null;
  enabled: boolean;
  values: PlaceholderValues;
  onInsert: (insert: CannedInsert) => void;
}

/**
 * The canned-response picker of the composer: ";shortcut" typed in the text, or the button / Ctrl+Space
 * with a search box. Picking renders the placeholders and hands the new text and caret to `onInsert`.
 */
export function useCannedPicker({ text, caret, enabled, values, onInsert }: Options) {
  const [search, setSearch] = useState<SearchMode | null>(null);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [activeState, setActive] = useState({ key: '', index: 0 });
  const [notice, setNotice] = useState<CannedNotice | null>(null);
  const typed: CannedTrigger | null =
    enabled && search === null && caret !== null ? cannedTriggerAt(text, caret) : null;
  // Escape dismisses the ";shortcut" being typed; once it is gone (deleted, inserted), a new ";" opens again.
  if (typed === null && dismissedAt !== null && caret !== null) setDismissedAt(null);
  const wanted = search !== null || (typed !== null && dismissedAt !== typed.start);
  const canned = useCannedResponses(enabled);
  const query = search?.query ?? typed?.query ?? '';
  const matches = wanted && canned.data !== undefined ? matchCanned(canned.data, query) : [];
  const key = `${search === null ? 'typed' : 'search'}:${query}`;
  const active = activeState.key === key ? Math.min(activeState.index, Math.max(0, matches.length - 1)) : 0;

  const close = () => {
    if (search !== null) setSearch(null);
    else if (typed !== null) setDismissedAt(typed.start);
  };

  const pick = (item: CannedResponseDto) => {
    const range =
      search?.range ?? (typed !== null && caret !== null ? { from: typed.start, to: caret } : null);
    if (range === null) return;
    const rendered = renderPlaceholders(item.body, values);
    const next = insertAt(text, range, rendered.text);
    setSearch(null);
    const names = (list: string[]) => list.map((name) => `{{${name}}}`).join(', ');
    setNotice(
      rendered.unknown.length > 0
        ? { kind: 'unknown', names: names(rendered.unknown) }
        : rendered.empty.length > 0
          ? { kind: 'empty', names: names(rendered.empty) }
          : null,
    );
    onInsert({ ...next, rendered, item });
  };

  const state: CannedPickerState = {
    open: wanted,
    search,
    query,
    matches,
    active,
    loading: wanted && canned.isPending,
    values,
    setQuery: (next) => setSearch((current) => (current === null ? null : { ...current, query: next })),
    move: (delta) =>
      setActive({ key, index: (active + delta + matches.length) % Math.max(1, matches.length) }),
    close,
  };

  return {
    state,
    pick,
    /** What did not resolve in the last insert (null: everything did). */
    notice,
    clearNotice: () => setNotice(null),
    /** Opens the picker with a search box, to insert over the selection [from, to). */
    openSearch: (range: { from: number; to: number }) => setSearch({ query: '', range }),
    /** Keys from the text box or the search box; true when the picker used the key. */
    handleKey: (press: CannedKeyPress, selection: { from: number; to: number } | null): boolean => {
      if (!enabled) return false;
      if (!wanted) {
        if (isCannedShortcut(press) && selection !== null) {
          setSearch({ query: '', range: selection });
          return true;
        }
        return false;
      }
      const action = cannedKeyAction(press);
      if (action === 'next' || action === 'previous') state.move(action === 'next' ? 1 : -1);
      else if (action === 'close') close();
      else if (action === 'pick') {
        const item = matches[active];
        if (item === undefined) return false;
        pick(item);
      } else return false;
      return true;
    },
  };
}
