import { useNow } from '../../components/useNow';
import { SearchResults } from './SearchResults';
import { useSearch } from './searchQueries';

const CLOCK_TICK_MS = 30_000;

interface SearchPanelProps {
  query: string;
  selectedId: string | null;
  onOpen: (conversationId: string) => void;
  onClose: () => void;
}

/** Runs the server search for a submitted query and shows its results in the list area. */
export function SearchPanel({ query, selectedId, onOpen, onClose }: SearchPanelProps) {
  const search = useSearch(query);
  const now = useNow(CLOCK_TICK_MS);
  return (
    <SearchResults
      query={query}
      pages={search.data?.pages}
      status={search.status}
      error={search.error}
      hasNextPage={search.hasNextPage}
      isFetchingNextPage={search.isFetchingNextPage}
      onLoadMore={() => void search.fetchNextPage()}
      onRetry={() => void search.refetch()}
      selectedId={selectedId}
      now={now}
      onOpen={onOpen}
      onClose={onClose}
    />
  );
}
