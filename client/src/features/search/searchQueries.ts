import { useInfiniteQuery } from '@tanstack/react-query';
import { searchInbox } from '../../api/endpoints';
import { queryKeys } from '../../api/queryKeys';

/** Server search for a submitted query; idle while the query is empty. */
export function useSearch(query: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.search(query),
    queryFn: ({ pageParam }) => searchInbox(query, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    enabled: query.trim() !== '',
  });
}
