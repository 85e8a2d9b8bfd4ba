import type { ConversationListResponse, ConversationSummary } from '../../../../common/types';

/**
 * Joins the loaded pages into one list. Keyset pages are fetched at different moments, so a conversation
 * whose sort position moved can show up on two pages; the first (earlier-sorted) occurrence wins.
 */
export function flattenConversationPages(
  pages: readonly ConversationListResponse[] | undefined,
): ConversationSummary[] {
  if (pages === undefined) return [];
  const seen = new Set<string>();
  const items: ConversationSummary[] = [];
  for (const page of pages) {
    for (const item of page.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      items.push(item);
    }
  }
  return items;
}
