import { useTranslation } from 'react-i18next';
import type { ConversationSearchHit, CustomerSearchHit, SearchResponse } from '../../../../common/types';
import { PlatformBadge } from '../../components/PlatformBadge';
import { RelativeTime } from '../../components/RelativeTime';
import { StatusPill } from '../../components/StatusPill';
import { describeError } from '../../i18n/describeError';
import { HighlightedSnippet } from './HighlightedSnippet';
import { focusSearchItem } from './searchFocus';

export interface SearchResultsProps {
  query: string;
  pages: readonly SearchResponse[] | undefined;
  status: 'pending' | 'error' | 'success';
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  onLoadMore: () => void;
  onRetry: () => void;
  selectedId: string | null;
  now: number;
  /** Opens a conversation (a customer opens their latest one). */
  onOpen: (conversationId: string) => void;
  /** Leaves the search and returns to the view. */
  onClose: () => void;
}

function CustomerItem({ hit, onOpen }: { hit: CustomerSearchHit; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const latest = hit.latestConversation;
  return (
    <li>
      <button
        type="button"
        data-testid="search-customer"
        data-search-item=""
        data-conversation-id={latest?.id}
        className="row search-hit search-hit--customer"
        disabled={latest === null}
        onClick={() => latest && onOpen(latest.id)}
      >
        <span className="row__line">
          <PlatformBadge platform={hit.platform} />
          <span className="row__name" dir="auto">
            {hit.contact.name}
          </span>
          {hit.contact.handle && <span className="row__handle">@{hit.contact.handle}</span>}
        </span>
        <span className="row__line row__meta">
          {latest ? <StatusPill status={latest.status} /> : null}
          <span>
            {latest
              ? t('search.conversationCount', { count: hit.conversationCount })
              : t('search.noConversation')}
          </span>
        </span>
      </button>
    </li>
  );
}

function ConversationItem({
  hit,
  selected,
  now,
  onOpen,
}: {
  hit: ConversationSearchHit;
  selected: boolean;
  now: number;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { conversation, message } = hit;
  return (
    <li>
      <button
        type="button"
        data-testid="search-result"
        data-search-item=""
        data-conversation-id={conversation.id}
        aria-current={selected ? 'true' : undefined}
        className={`row search-hit${selected ? ' row--selected' : ''}`}
        onClick={() => onOpen(conversation.id)}
      >
        <span className="row__line">
          <PlatformBadge platform={conversation.platform} />
          <span className="row__name" dir="auto">
            {conversation.contact.name}
          </span>
          {conversation.contact.handle && <span className="row__handle">@{conversation.contact.handle}</span>}
          <span className="search-hit__time">
            <RelativeTime iso={message.createdAt} now={now} fallback="" />
          </span>
        </span>
        <span data-testid="search-snippet" className="row__snippet search-hit__snippet" dir="auto">
          <HighlightedSnippet snippet={hit.snippet} />
        </span>
        <span className="row__line row__meta">
          <StatusPill status={conversation.status} />
          <span data-testid="search-channel" className="search-hit__channel">
            {t(`search.channel.${message.channel}`)} · {t(`search.direction.${message.direction}`)}
          </span>
          <span className="row__assignee">{conversation.assigneeName ?? t('list.unassigned')}</span>
        </span>
      </button>
    </li>
  );
}

/**
 * Server search results in the list area: matching customers, then conversations with the matched words
 * highlighted. Arrow keys move between results, Enter or a click opens one, Esc goes back to the view.
 */
export function SearchResults(props: SearchResultsProps) {
  const { t } = useTranslation();
  const { query, pages, status } = props;
  const customers = pages?.[0]?.customers ?? [];
  const hits = pages?.flatMap((page) => page.conversations) ?? [];
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: keys bubble up from the result buttons inside.
    <div
      data-testid="search-results"
      className="list search-results"
      onKeyDown={(event) => {
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault();
          focusSearchItem(event.key === 'ArrowDown' ? 1 : -1);
        } else if (event.key === 'Escape') {
          event.preventDefault();
          props.onClose();
        }
      }}
    >
      <div className="search-results__header">
        <span className="search-results__title" dir="auto">
          {t('search.title', { query: query.trim() })}
        </span>
        <button
          type="button"
          data-testid="search-close"
          className="button button--ghost button--small"
          onClick={props.onClose}
        >
          {t('search.back')}
        </button>
      </div>
      {status === 'pending' && <p className="placeholder">{t('search.loading')}</p>}
      {status === 'error' && (
        <div className="banner banner--error" role="alert">
          <span>
            {t('search.error')} {describeError(t, props.error)}
          </span>
          <button type="button" className="button button--small" onClick={props.onRetry}>
            {t('errors.tryAgain')}
          </button>
        </div>
      )}
      {status === 'success' && customers.length === 0 && hits.length === 0 && (
        <p data-testid="search-empty" className="placeholder">
          {t('search.empty', { query: query.trim() })}
        </p>
      )}
      {customers.length > 0 && (
        <>
          <h3 className="search-results__section">{t('search.customers')}</h3>
          <ul className="list__rows">
            {customers.map((hit) => (
              <CustomerItem key={hit.contact.id} hit={hit} onOpen={props.onOpen} />
            ))}
          </ul>
        </>
      )}
      {hits.length > 0 && (
        <>
          <h3 className="search-results__section">{t('search.conversations')}</h3>
          <ul className="list__rows">
            {hits.map((hit) => (
              <ConversationItem
                key={hit.conversation.id}
                hit={hit}
                selected={hit.conversation.id === props.selectedId}
                now={props.now}
                onOpen={props.onOpen}
              />
            ))}
          </ul>
        </>
      )}
      {props.hasNextPage && (
        <button
          type="button"
          className="button button--ghost button--block list__more"
          disabled={props.isFetchingNextPage}
          onClick={props.onLoadMore}
        >
          {props.isFetchingNextPage ? t('search.loadingMore') : t('search.loadMore')}
        </button>
      )}
    </div>
  );
}
