import { useTranslation } from 'react-i18next';
import { useNow } from '../../components/useNow';
import { describeError } from '../../i18n/describeError';
import { ConversationRow } from './ConversationRow';
import { flattenConversationPages } from './conversationPages';
import { useConversationList } from './inboxQueries';
import type { InboxTab } from './StatusTabs';

// Waiting times are shown to the second below a minute, so a few seconds keeps them honest.
const CLOCK_TICK_MS = 5000;

interface ConversationListProps {
  status: InboxTab;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

export function ConversationList({ status, selectedId, onSelect }: ConversationListProps) {
  const { t } = useTranslation();
  const now = useNow(CLOCK_TICK_MS);
  const list = useConversationList(status);
  const conversations = flattenConversationPages(list.data?.pages);

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
            now={now}
            onSelect={onSelect}
          />
        ))}
      </ul>
      {conversations.length === 0 && !list.isError && <p className="placeholder">{t('list.empty')}</p>}
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
