import type { Knex } from 'knex';
import type { ConversationSearchHit, SearchResponse } from '../../common/types';
import { decodeSearchCursor, searchConversations, searchCustomers } from '../db/repositories/search';
import { ValidationError } from '../errors';
import { bestHeadline, handlePrefixPattern, prefixTerm } from './searchText';

const CUSTOMER_LIMIT = 5;

export interface SearchInput {
  q: string;
  limit: number;
  cursor?: string | undefined;
}

/**
 * Full-text search over messages (one hit per conversation, with a highlighted snippet) and customers
 * (first page only). The route and the benchmark both run searches through here.
 */
export async function searchInbox(db: Knex, input: SearchInput): Promise<SearchResponse> {
  const cursor = input.cursor === undefined ? null : decodeSearchCursor(input.cursor);
  if (input.cursor !== undefined && cursor === null) throw new ValidationError('cursor: invalid', 'cursor');
  const terms = { q: input.q, prefix: prefixTerm(input.q) };
  const [found, customers] = await Promise.all([
    searchConversations(db, terms, { limit: input.limit, cursor }),
    cursor === null
      ? searchCustomers(db, terms, { limit: CUSTOMER_LIMIT, handlePattern: handlePrefixPattern(input.q) })
      : Promise.resolve([]),
  ]);
  return {
    query: input.q,
    conversations: found.rows.map(
      (row): ConversationSearchHit => ({
        conversation: row.conversation,
        message: row.message as ConversationSearchHit['message'],
        snippet: bestHeadline(row.headlineGerman, row.headlineEnglish),
      }),
    ),
    customers,
    nextCursor: found.nextCursor,
  };
}
