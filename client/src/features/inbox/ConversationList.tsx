import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../../../common/types';
import { useNow } from '../../components/useNow';
import { describeError } from '../../i18n/describeError';
import { ConversationRow } from './ConversationRow';
import type { useConversationList } from './inboxQueries';

// Waiting times are shown to the second below a minute, so a few seconds keeps them honest.
const CLOCK_TICK_MS = 5000;

interface ConversationListProps {
  list: ReturnType<typeof useConversationList>;
  /** The loaded rows that match the search, in list order. */
  conversations: readonly ConversationSummary[];
  search: string;
  selectedId: string | null;
  cursorId: string | null;
  onSelect: (id: string) => void;
}

export function ConversationList({
  list,
  conversations,
  search,
  selectedId,
  cursorId,
  onSelect,
}: ConversationListProps) {
  const { t } = useTranslation();
  const now = useNow(CLOCK_TICK_MS);

  if (list.isPending) return <p className="placeholder">{t('list.loading')}</p>;

  return (
    <div className="list">
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
      <ul data-testid="conversation-list" className="list__rows">
        {conversations.map((conversation) => (
          <ConversationRow
            key={conversation.id}
            conversation={conversation}
            selected={conversation.id === selectedId}
            cursor={conversation.id === cursorId}
            now={now}
            onSelect={onSelect}
          />
        ))}
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
