import { useVirtualizer } from '@tanstack/react-virtual';
import { type Ref, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../../../common/types';
import { useNow } from '../../components/useNow';
import { describeError } from '../../i18n/describeError';
import type { Colleague } from '../../realtime/presenceState';
import { useColleaguesByConversation } from '../../realtime/usePresence';
import { ConversationRow } from './ConversationRow';
import type { useConversationList } from './inboxQueries';
import { useScrollAnchor } from './useScrollAnchor';

// Waiting times are shown to the second below a minute, so a few seconds keeps them honest.
const CLOCK_TICK_MS = 5000;
const NOBODY: Colleague[] = [];
// A typical row; real heights are measured as rows render (tags and badges add lines).
const ESTIMATED_ROW_PX = 84;
// Start loading the next page this many rows before the end.
const PREFETCH_ROWS = 10;

/** What the inbox's keyboard handling asks of the list. */
export interface ConversationListHandle {
  /** Scrolls the row into view (rendering it if needed) and focuses it. */
  focusRow(id: string): void;
}

interface ConversationListProps {
  list: ReturnType<typeof useConversationList>;
  /** The loaded rows that match the search, in list order. */
  conversations: readonly ConversationSummary[];
  search: string;
  selectedId: string | null;
  cursorId: string | null;
  /** The signed-in agent, left out of "who is viewing". */
  userId: string;
  /** Rows ticked for a bulk action. */
  checked: ReadonlySet<string>;
  onToggleCheck: (id: string) => void;
  onSelect: (id: string) => void;
  handleRef?: Ref<ConversationListHandle>;
}

function rowButton(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(
    `[data-testid="conversation-row"][data-conversation-id="${CSS.escape(id)}"]`,
  );
}

/**
 * The inbox list, virtualized: only the rows in view (plus a few) are in the DOM, so ten thousand
 * conversations scroll like ten. Pages load as the end comes near; rows keep their place when others
 * arrive or leave above them.
 */
export function ConversationList({
  list,
  conversations,
  search,
  selectedId,
  cursorId,
  userId,
  checked,
  onToggleCheck,
  onSelect,
  handleRef,
}: ConversationListProps) {
  const { t } = useTranslation();
  const now = useNow(CLOCK_TICK_MS);
  const colleagues = useColleaguesByConversation(userId);
  const scroller = useRef<HTMLDivElement>(null);
  const ids = useMemo(() => conversations.map((c) => c.id), [conversations]);
  const virtualizer = useVirtualizer({
    count: conversations.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    getItemKey: (index) => ids[index] ?? index,
    overscan: 8,
  });
  const remember = useScrollAnchor(virtualizer, ids);
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (lastIndex >= conversations.length - PREFETCH_ROWS && list.hasNextPage && !list.isFetchingNextPage) {
      void list.fetchNextPage();
    }
  }, [lastIndex, conversations.length, list]);

  useImperativeHandle(
    handleRef,
    () => ({
      focusRow(id) {
        const index = ids.indexOf(id);
        if (index < 0) return;
        virtualizer.scrollToIndex(index, { align: 'auto' });
        // The row may only exist after the virtualizer re-renders.
        const focus = (tries: number) => {
          const row = rowButton(id);
          if (row !== null) row.focus({ preventScroll: true });
          else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
        };
        requestAnimationFrame(() => focus(5));
      },
    }),
    [ids, virtualizer],
  );

  if (list.isPending) return <p className="placeholder">{t('list.loading')}</p>;

  return (
    <div ref={scroller} className="list" data-testid="conversation-scroller" onScroll={remember}>
      {list.isError && (
        <div className="banner banner--error" role="alert">
          <span>
            {t('list.error')} {describeError(t, list.error)}
          </span>
          <button type="button" className="button button--small" onClick={() => void list.refetch()}>
            {t('errors.tryAgain')}
          </button>
        </div>
      )}
      {/* Rows are keyed by id, so a refetch that adds or reorders conversations never moves the selection. */}
      <ul
        data-testid="conversation-list"
        data-total={conversations.length}
        className="list__rows"
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      >
        {items.map((item) => {
          const conversation = conversations[item.index];
          if (conversation === undefined) return null;
          return (
            <ConversationRow
              key={item.key}
              index={item.index}
              measureRef={virtualizer.measureElement}
              top={item.start}
              conversation={conversation}
              selected={conversation.id === selectedId}
              cursor={conversation.id === cursorId}
              checked={checked.has(conversation.id)}
              onToggleCheck={onToggleCheck}
              now={now}
              colleagues={colleagues.get(conversation.id) ?? NOBODY}
              onSelect={onSelect}
            />
          );
        })}
      </ul>
      {conversations.length === 0 && !list.isError && (
        <p className="placeholder">
          {search.trim() === '' ? t('list.empty') : t('list.noMatches', { query: search.trim() })}
        </p>
      )}
      {list.hasNextPage && (
        <button
          type="button"
          className="button button--ghost button--block list__more"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {list.isFetchingNextPage ? t('list.loadingMore') : t('list.loadMore')}
        </button>
      )}
    </div>
  );
}
