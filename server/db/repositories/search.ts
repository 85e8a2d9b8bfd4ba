import type { Knex } from 'knex';
import type {
  ContactDto,
  ConversationStatus,
  ConversationSummary,
  CustomerSearchHit,
} from '../../../common/types';
import { toContactDto, toConversationSummary } from './mappers';

/** What to look for: the query as typed, and the word to match as a prefix (see services/searchText). */
export interface SearchTerms {
  q: string;
  prefix: string | null;
}

type Config = 'german' | 'english' | 'simple';

/**
 * The tsquery as SQL with named bindings `:q`, `:head` and `:prefix`: the query in every configuration
 * (OR), plus, while the last word is being typed, the rest of the query AND that word as a prefix. It is
 * written inline (not in a CTE) so the planner folds it to a constant and estimates from the GIN
 * statistics.
 */
function tsquerySql(configs: readonly Config[], withPrefix: boolean): string {
  const any = (param: string, fn: string) => configs.map((c) => `${fn}('${c}', :${param})`).join(' || ');
  const full = `(${any('q', 'websearch_to_tsquery')})`;
  if (!withPrefix) return full;
  return `(${full} || ((${any('head', 'websearch_to_tsquery')}) && (${any('prefix', 'to_tsquery')})))`;
}

function bindings(terms: SearchTerms): Record<string, string> {
  if (terms.prefix === null) return { q: terms.q };
  // prefixTerm returns the query's own last characters, so the head is everything before them.
  const head = terms.q.slice(0, terms.q.length - terms.prefix.length);
  return { q: terms.q, head, prefix: `${terms.prefix}:*` };
}

const MESSAGE_CONFIGS: readonly Config[] = ['german', 'english'];
const CONTACT_CONFIGS: readonly Config[] = ['german', 'english', 'simple'];

// ts_headline marks matches with \x02…\x03 (removed from the text first), never with HTML.
const HEADLINE_OPTIONS =
  `'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=28, MinWords=10, ShortWord=2, ` +
  `MaxFragments=2, FragmentDelimiter=" … "'`;

/**
 * The message text as ts_headline gets it: the markers removed, and '<' and '&' swapped for private-use
 * stand-ins (swapped back in services/searchText), because its parser drops anything that looks like an
 * HTML tag or entity, and a snippet must show what the customer wrote.
 */
const HEADLINE_TEXT =
  "translate(m.text, '<&' || chr(57344) || chr(57345) || chr(2) || chr(3), chr(57344) || chr(57345))";

export interface SearchCursor {
  /** Rank rounded to numeric, exact across pages. */
  rank: string;
  /** The hit message's created_at as PostgreSQL text (microseconds kept). */
  at: string;
  id: string;
}

export const encodeSearchCursor = (c: SearchCursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

export function decodeSearchCursor(value: string): SearchCursor | null {
  try {
    const c = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<SearchCursor>;
    const ok =
      typeof c.rank === 'string' &&
      /^\d+(\.\d+)?$/.test(c.rank) &&
      typeof c.at === 'string' &&
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?[+-]\d\d(:\d\d)?$/.test(c.at) &&
      typeof c.id === 'string' &&
      /^[0-9a-f-]{36}$/i.test(c.id);
    return ok ? (c as SearchCursor) : null;
  } catch {
    return null;
  }
}

export interface ConversationHitRow {
  conversation: ConversationSummary;
  message: { id: string; direction: string; channel: string; authorName: string; createdAt: string };
  headlineGerman: string;
  headlineEnglish: string;
}

/**
 * Ranking needs each match's vector from the heap, so ranking every match of a word found in 15 % of a
 * million messages would read most of the table. So: when a query matches at most COMMON_MATCHES
 * messages, every match is ranked (found through the GIN index); above that, the newest
 * NEWEST_CANDIDATES matches are (found by walking the created_at index backwards, which a common word
 * ends quickly). Which case applies is counted first, with the GIN index, stopping at the bound: the
 * planner's estimate cannot be trusted for this, since it takes words as independent and a wrong walk
 * reads the whole table.
 */
const COMMON_MATCHES = 20_000;
const NEWEST_CANDIDATES = 5000;

/**
 * Conversations with a matching message, one row per conversation: its best-ranked (then newest)
 * matching message, ordered by that rank, then the message's time, then id (keyset paging on the three).
 */
export async function searchConversations(
  db: Knex,
  terms: SearchTerms,
  opts: { limit: number; cursor: SearchCursor | null },
): Promise<{ rows: ConversationHitRow[]; nextCursor: string | null }> {
  const tsq = tsquerySql(MESSAGE_CONFIGS, terms.prefix !== null);
  const params: Record<string, string | number> = { ...bindings(terms), limit: opts.limit + 1 };
  if (opts.cursor) {
    params.cursorRank = opts.cursor.rank;
    params.cursorAt = opts.cursor.at;
    params.cursorId = opts.cursor.id;
  }
  return db.transaction(async (trx) => {
    // Bitmap scans on the GIN index only: bounded by COMMON_MATCHES rows whatever the estimate says.
    await trx.raw('set local enable_seqscan = off');
    await trx.raw('set local enable_indexscan = off');
    const counted = (await trx.raw(
      `select count(*)::int as n from (select 1 from messages m where m.search_vector @@ ${tsq} limit ${COMMON_MATCHES + 1}) x`,
      bindings(terms),
    )) as { rows: Array<{ n: number }> };
    const common = (counted.rows[0]?.n ?? 0) > COMMON_MATCHES;
    if (common) {
      await trx.raw('set local enable_indexscan = on');
      await trx.raw('set local enable_bitmapscan = off');
    }
    return pageOfHits(trx, tsq, common, Boolean(opts.cursor), params, opts.limit);
  });
}

async function pageOfHits(
  trx: Knex.Transaction,
  tsq: string,
  common: boolean,
  hasCursor: boolean,
  params: Record<string, string | number>,
  limit: number,
): Promise<{ rows: ConversationHitRow[]; nextCursor: string | null }> {
  const after = hasCursor
    ? 'where (h.rank, h.hit_at, h.conversation_id) < (:cursorRank::numeric, :cursorAt::timestamptz, :cursorId::uuid)'
    : '';
  const sql = `
    with candidates as materialized (
      select m.id, m.conversation_id, m.created_at, m.search_vector
      from messages m
      where m.search_vector @@ ${tsq}
      ${common ? `order by m.created_at desc, m.id desc limit ${NEWEST_CANDIDATES}` : ''}
    ), hits as (
      select distinct on (m.conversation_id)
        m.conversation_id, m.id as message_id, m.created_at as hit_at,
        round(ts_rank(m.search_vector, ${tsq})::numeric, 6) as rank
      from candidates m
      order by m.conversation_id, rank desc, m.created_at desc, m.id desc
    ), page as (
      select * from hits h ${after}
      order by h.rank desc, h.hit_at desc, h.conversation_id desc
      limit :limit
    )
    select c.*, a.platform, a.handle as account_handle, u.name as assignee_name,
      ct.id as contact_id, ct.platform_user_id as contact_platform_user_id, ct.handle as contact_handle,
      ct.name as contact_name, ct.avatar_url as contact_avatar_url,
      ct.followers_count as contact_followers_count, ct.verified as contact_verified,
      p.rank::text as hit_rank, p.hit_at::text as hit_at_key,
      m.id as hit_id, m.direction as hit_direction, m.channel as hit_channel,
      m.author_name as hit_author_name, m.created_at as hit_created_at,
      ts_headline('german', ${HEADLINE_TEXT}, ${tsq}, ${HEADLINE_OPTIONS}) as headline_de,
      ts_headline('english', ${HEADLINE_TEXT}, ${tsq}, ${HEADLINE_OPTIONS}) as headline_en
    from page p
    join conversations c on c.id = p.conversation_id
    join contacts ct on ct.id = c.contact_id
    join channel_accounts a on a.id = c.channel_account_id
    left join users u on u.id = c.assignee_id
    join messages m on m.id = p.message_id
    order by p.rank desc, p.hit_at desc, p.conversation_id desc`;
  const { rows } = (await trx.raw(sql, params)) as { rows: Record<string, unknown>[] };
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    rows: page.map((row) => ({
      conversation: toConversationSummary(row),
      message: {
        id: row.hit_id as string,
        direction: row.hit_direction as string,
        channel: row.hit_channel as string,
        authorName: row.hit_author_name as string,
        createdAt: new Date(row.hit_created_at as Date).toISOString(),
      },
      headlineGerman: row.headline_de as string,
      headlineEnglish: row.headline_en as string,
    })),
    nextCursor:
      rows.length > limit && last
        ? encodeSearchCursor({
            rank: last.hit_rank as string,
            at: last.hit_at_key as string,
            id: last.id as string,
          })
        : null,
  };
}

/**
 * Customers whose name (German/English stems) or handle matches; an exact handle first, then by rank.
 * Only the page's few contacts get their conversation count and latest conversation.
 */
export async function searchCustomers(
  db: Knex,
  terms: SearchTerms,
  opts: { limit: number; handlePattern: string | null },
): Promise<CustomerSearchHit[]> {
  const tsq = tsquerySql(CONTACT_CONFIGS, terms.prefix !== null);
  const byHandle = opts.handlePattern ? 'or lower(ct.handle) like :handlePattern' : '';
  const exact = terms.q.trim().replace(/^@/u, '').toLowerCase();
  const sql = `
    select ct.id as contact_id, ct.platform_user_id as contact_platform_user_id,
      ct.handle as contact_handle, ct.name as contact_name, ct.avatar_url as contact_avatar_url,
      ct.followers_count as contact_followers_count, ct.verified as contact_verified, ct.platform,
      (select count(*)::int from conversations x where x.contact_id = ct.id) as conversation_count,
      lc.id as latest_id, lc.status as latest_status, lc.updated_at as latest_updated_at
    from (
      select ct.*, (lower(ct.handle) = :exact) as exact_handle, ts_rank(ct.search_vector, ${tsq}) as rank
      from contacts ct
      where ct.search_vector @@ ${tsq} ${byHandle}
      order by exact_handle desc, rank desc, ct.updated_at desc, ct.id
      limit :limit
    ) ct
    left join lateral (
      select x.id, x.status, x.updated_at from conversations x
      where x.contact_id = ct.id order by x.updated_at desc limit 1
    ) lc on true
    order by ct.exact_handle desc, ct.rank desc, ct.updated_at desc, ct.id`;
  const params: Record<string, string | number> = { ...bindings(terms), exact, limit: opts.limit };
  if (opts.handlePattern) params.handlePattern = opts.handlePattern;
  const { rows } = (await db.raw(sql, params)) as { rows: Record<string, unknown>[] };
  return rows.map((row) => ({
    contact: toContactDto(row) as ContactDto,
    platform: row.platform as CustomerSearchHit['platform'],
    conversationCount: row.conversation_count as number,
    latestConversation: row.latest_id
      ? {
          id: row.latest_id as string,
          status: row.latest_status as ConversationStatus,
          updatedAt: new Date(row.latest_updated_at as Date).toISOString(),
        }
      : null,
  }));
}
