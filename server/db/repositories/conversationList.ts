import type { Knex } from 'knex';
import type { SlaState } from '../../../common/sla';
import type { ConversationFilters, ConversationSummary, InboxView, ListSort } from '../../../common/types';
import { whereAccountVisible } from './accountVisibility';
import { toConversationSummary } from './mappers';

const NO_USER = '00000000-0000-0000-0000-000000000000';

/** A conversation as the inbox shows it: with customer, account, assignee, team and SLA state. */
export function summaryQuery(db: Knex) {
  return db('conversations as c')
    .join('contacts as ct', 'ct.id', 'c.contact_id')
    .join('channel_accounts as a', 'a.id', 'c.channel_account_id')
    .leftJoin('users as u', 'u.id', 'c.assignee_id')
    .leftJoin('teams as tm', 'tm.id', 'c.team_id')
    .select(
      'c.*',
      'a.platform',
      'a.handle as account_handle',
      'u.name as assignee_name',
      'tm.name as team_name',
      db.raw('caredesk_sla_state(c.sla_due_at, c.sla_at_risk_at) as sla_state'),
      'ct.id as contact_id',
      'ct.platform_user_id as contact_platform_user_id',
      'ct.handle as contact_handle',
      'ct.name as contact_name',
      'ct.avatar_url as contact_avatar_url',
      'ct.followers_count as contact_followers_count',
      'ct.verified as contact_verified',
    );
}

export async function getConversationSummary(db: Knex, id: string): Promise<ConversationSummary | undefined> {
  const row = await summaryQuery(db).where('c.id', id).first();
  return row ? toConversationSummary(row) : undefined;
}

/**
 * Which conversations a view holds. Snoozed conversations leave the working views until their time
 * comes (no job needed: the filter compares with now()).
 */
function applyView(q: Knex.QueryBuilder, db: Knex, view: InboxView, userId: string | null): void {
  const awake = (w: Knex.QueryBuilder) =>
    w.whereNull('c.snoozed_until').orWhere('c.snoozed_until', '<=', db.fn.now());
  switch (view) {
    case 'unassigned':
      q.whereIn('c.status', ['new', 'open']).whereNull('c.assignee_id').andWhere(awake);
      return;
    case 'mine':
      q.whereIn('c.status', ['new', 'open', 'pending'])
        .where('c.assignee_id', userId ?? NO_USER)
        .andWhere(awake);
      return;
    case 'teams':
      q.whereIn('c.status', ['new', 'open', 'pending'])
        .whereIn(
          'c.team_id',
          db('team_members')
            .select('team_id')
            .where('user_id', userId ?? NO_USER),
        )
        .andWhere(awake);
      return;
    case 'open':
      q.whereIn('c.status', ['new', 'open']).andWhere(awake);
      return;
    case 'pending':
      q.where('c.status', 'pending').andWhere(awake);
      return;
    case 'snoozed':
      q.whereNot('c.status', 'resolved').where('c.snoozed_until', '>', db.fn.now());
      return;
    case 'resolved':
      q.where('c.status', 'resolved');
      return;
    case 'all':
      return;
  }
}

/** Narrows a view by channel, account, tag, priority, language, waiting time and SLA state. */
function applyFilters(q: Knex.QueryBuilder, db: Knex, f: ConversationFilters): void {
  if (f.platform)
    q.whereIn('c.channel_account_id', db('channel_accounts').select('id').where('platform', f.platform));
  if (f.channelAccountId) q.where('c.channel_account_id', f.channelAccountId);
  if (f.tag) q.whereRaw('c.tags @> array[?]::text[]', [f.tag]);
  if (f.priority) q.where('c.priority', f.priority);
  if (f.language) q.where('c.language', f.language);
  if (f.waitingMinutes !== undefined)
    q.where('c.waiting_since', '<', db.raw('now() - make_interval(mins => ?)', [f.waitingMinutes]));
  if (f.sla) q.whereRaw(SLA_STATE_CONDITION[f.sla]);
}

/**
 * `caredesk_sla_state(c.sla_due_at, c.sla_at_risk_at) = state` as plain comparisons (same cases, in the
 * same order: no due time, no state; breached before at risk): the planner can estimate these from the
 * column statistics, while a function call looked rare and sent "Unassigned, breached" at 3M
 * conversations to read and sort every unassigned conversation (bench/inbox.ts).
 */
const SLA_STATE_CONDITION: Record<SlaState, string> = {
  breached: 'c.sla_due_at < now()',
  at_risk: 'c.sla_due_at >= now() and coalesce(c.sla_at_risk_at, c.sla_due_at) <= now()',
  ok: 'c.sla_due_at >= now() and coalesce(c.sla_at_risk_at, c.sla_due_at) > now()',
};

interface Cursor {
  k: string | null;
  id: string;
}
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeCursor(value: string): Cursor | null {
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Cursor;
    return typeof parsed.id === 'string' && (parsed.k === null || typeof parsed.k === 'string')
      ? parsed
      : null;
  } catch {
    return null;
  }
}

const SORT_KEYS: Record<ListSort, { column: string; field: string; ascending: boolean }> = {
  // Oldest waiting first; those nobody waits for (null) last.
  waiting: { column: 'c.waiting_since', field: 'waiting_since', ascending: true },
  // Nearest deadline (or longest breached) first; no deadline last.
  sla: { column: 'c.sla_due_at', field: 'sla_due_at', ascending: true },
  // Most recently changed first.
  updated: { column: 'c.updated_at', field: 'updated_at', ascending: false },
};

/** The order a view gets when none is asked for. */
export function defaultSort(view: InboxView): ListSort {
  return view === 'resolved' || view === 'all' || view === 'snoozed' ? 'updated' : 'waiting';
}

/** Keyset condition "after the cursor" for (key nulls last, id) in the sort's direction. */
function applyCursor(q: Knex.QueryBuilder, sort: ListSort, cursor: Cursor): void {
  const { column, ascending } = SORT_KEYS[sort];
  const cmp = ascending ? '>' : '<';
  if (cursor.k === null) {
    q.whereNull(column).andWhere('c.id', cmp, cursor.id);
    return;
  }
  const k = cursor.k;
  q.andWhere((w) =>
    w
      .where(column, cmp, k)
      .orWhere((x) => x.where(column, '=', k).andWhere('c.id', cmp, cursor.id))
      .orWhereNull(column),
  );
}

export interface ListOptions {
  view: InboxView;
  sort?: ListSort | undefined;
  filters?: ConversationFilters | undefined;
  limit: number;
  cursor?: string | undefined;
  userId: string | null;
}

/** One page of a view, filtered and sorted, keyset-paginated (stable while rows come and go). */
export async function listConversations(
  db: Knex,
  opts: ListOptions,
): Promise<{ items: ConversationSummary[]; nextCursor: string | null }> {
  const sort = opts.sort ?? defaultSort(opts.view);
  const key = SORT_KEYS[sort];
  const q = summaryQuery(db);
  applyView(q, db, opts.view, opts.userId);
  applyFilters(q, db, opts.filters ?? {});
  if (opts.userId) whereAccountVisible(q, db, 'c.channel_account_id', opts.userId);
  const cursor = opts.cursor ? decodeCursor(opts.cursor) : null;
  if (cursor) applyCursor(q, sort, cursor);
  const direction = key.ascending ? 'asc' : 'desc';
  q.orderByRaw(`${key.column} ${direction} nulls last, c.id ${direction}`);
  // The key as PostgreSQL prints it: microseconds. A JS Date keeps milliseconds only, and rows written
  // in one transaction (a batch of ingested items) share one timestamp: a cursor cut to milliseconds
  // would skip the rest of them.
  q.select(db.raw(`${key.column}::text as sort_key`));
  const rows = await q.limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toConversationSummary),
    nextCursor:
      rows.length > opts.limit && last ? encodeCursor({ k: last.sort_key ?? null, id: last.id }) : null,
  };
}

/** How many conversations a view (with filters) holds right now. */
export async function countMatching(
  db: Knex,
  opts: { view: InboxView; filters: ConversationFilters; userId: string },
): Promise<number> {
  const q = db('conversations as c');
  applyView(q, db, opts.view, opts.userId);
  applyFilters(q, db, opts.filters);
  whereAccountVisible(q, db, 'c.channel_account_id', opts.userId);
  const row = await q.count<{ count: string }>('* as count').first();
  return Number(row?.count ?? 0);
}

/** Live counts of every view, in one query. */
export async function countViews(db: Knex, userId: string): Promise<Record<InboxView, number>> {
  const awake = '(c.snoozed_until is null or c.snoozed_until <= now())';
  const q = db('conversations as c');
  whereAccountVisible(q, db, 'c.channel_account_id', userId);
  const row = await q
    .select(
      db.raw(
        `count(*) filter (where c.status in ('new','open') and c.assignee_id is null and ${awake})::int as unassigned`,
      ),
      db.raw(
        `count(*) filter (where c.status in ('new','open','pending') and c.assignee_id = ? and ${awake})::int as mine`,
        [userId],
      ),
      db.raw(
        `count(*) filter (where c.status in ('new','open','pending') and c.team_id in (select team_id from team_members where user_id = ?) and ${awake})::int as teams`,
        [userId],
      ),
      db.raw(`count(*) filter (where c.status in ('new','open') and ${awake})::int as open`),
      db.raw(`count(*) filter (where c.status = 'pending' and ${awake})::int as pending`),
      db.raw(`count(*) filter (where c.status <> 'resolved' and c.snoozed_until > now())::int as snoozed`),
      db.raw(`count(*) filter (where c.status = 'resolved')::int as resolved`),
      db.raw('count(*)::int as "all"'),
    )
    .first();
  return row as Record<InboxView, number>;
}
