import type { Knex } from 'knex';
import type { ConversationStatus, ConversationSummary, InboxView } from '../../../common/types';
import { toConversationSummary } from './mappers';

export type ConversationView = InboxView;

export interface ConversationRow {
  id: string;
  channel_account_id: string;
  contact_id: string;
  thread_key: string;
  status: ConversationStatus;
  assignee_id: string | null;
  first_inbound_at: Date | null;
  first_response_at: Date | null;
  waiting_since: Date | null;
  version: number;
}

function summaryQuery(db: Knex) {
  return db('conversations as c')
    .join('contacts as ct', 'ct.id', 'c.contact_id')
    .join('channel_accounts as a', 'a.id', 'c.channel_account_id')
    .leftJoin('users as u', 'u.id', 'c.assignee_id')
    .select(
      'c.*',
      'a.platform',
      'a.handle as account_handle',
      'u.name as assignee_name',
      'ct.id as contact_id',
      'ct.platform_user_id as contact_platform_user_id',
      'ct.handle as contact_handle',
      'ct.name as contact_name',
      'ct.avatar_url as contact_avatar_url',
      'ct.followers_count as contact_followers_count',
      'ct.verified as contact_verified',
    );
}

interface Cursor {
  k: string | null;
  id: string;
}
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeCursor(value: string): Cursor | null {
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Cursor;
    return typeof parsed.id === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Which conversations a view holds. Snoozed conversations leave the working views until their time
 * comes (no job needed: the filter compares with now()).
 */
function applyView(q: Knex.QueryBuilder, db: Knex, view: ConversationView, userId: string | null): void {
  const awake = (w: Knex.QueryBuilder) =>
    w.whereNull('c.snoozed_until').orWhere('c.snoozed_until', '<=', db.fn.now());
  switch (view) {
    case 'unassigned':
      q.whereIn('c.status', ['new', 'open']).whereNull('c.assignee_id').andWhere(awake);
      return;
    case 'mine':
      q.whereIn('c.status', ['new', 'open', 'pending'])
        .where('c.assignee_id', userId ?? '00000000-0000-0000-0000-000000000000')
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

const WAITING_VIEWS: ConversationView[] = ['unassigned', 'mine', 'open', 'pending'];

/** Live counts of every view, in one query. */
export async function countViews(db: Knex, userId: string): Promise<Record<ConversationView, number>> {
  const row = await db('conversations as c')
    .select(
      db.raw(
        `count(*) filter (where c.status in ('new','open') and c.assignee_id is null and (c.snoozed_until is null or c.snoozed_until <= now()))::int as unassigned`,
      ),
      db.raw(
        `count(*) filter (where c.status in ('new','open','pending') and c.assignee_id = ? and (c.snoozed_until is null or c.snoozed_until <= now()))::int as mine`,
        [userId],
      ),
      db.raw(
        `count(*) filter (where c.status in ('new','open') and (c.snoozed_until is null or c.snoozed_until <= now()))::int as open`,
      ),
      db.raw(
        `count(*) filter (where c.status = 'pending' and (c.snoozed_until is null or c.snoozed_until <= now()))::int as pending`,
      ),
      db.raw(`count(*) filter (where c.status <> 'resolved' and c.snoozed_until > now())::int as snoozed`),
      db.raw(`count(*) filter (where c.status = 'resolved')::int as resolved`),
      db.raw('count(*)::int as "all"'),
    )
    .first();
  return row as Record<ConversationView, number>;
}

/**
 * One page of a view. Open and pending: longest waiting first (keyset on waiting_since, id, nulls
 * last); resolved and all: most recently changed first (keyset on updated_at, id).
 */
export async function listConversations(
  db: Knex,
  opts: { view: ConversationView; limit: number; cursor?: string | undefined; userId?: string | null },
): Promise<{ items: ConversationSummary[]; nextCursor: string | null }> {
  const byWaiting = WAITING_VIEWS.includes(opts.view);
  const key = byWaiting ? 'c.waiting_since' : 'c.updated_at';
  const q = summaryQuery(db);
  applyView(q, db, opts.view, opts.userId ?? null);
  const cursor = opts.cursor ? decodeCursor(opts.cursor) : null;
  if (cursor && byWaiting) {
    if (cursor.k === null) q.whereNull(key).andWhere('c.id', '>', cursor.id);
    else
      q.andWhere((w) =>
        w
          .where(key, '>', cursor.k!)
          .orWhere((x) => x.where(key, '=', cursor.k!).andWhere('c.id', '>', cursor.id))
          .orWhereNull(key),
      );
  } else if (cursor) {
    q.andWhere((w) =>
      w
        .where(key, '<', cursor.k!)
        .orWhere((x) => x.where(key, '=', cursor.k!).andWhere('c.id', '<', cursor.id)),
    );
  }
  if (byWaiting) q.orderByRaw('c.waiting_since asc nulls last, c.id asc');
  else
    q.orderBy([
      { column: key, order: 'desc' },
      { column: 'c.id', order: 'desc' },
    ]);
  const rows = await q.limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  const lastKey = last ? (byWaiting ? last.waiting_since : last.updated_at) : null;
  return {
    items: page.map(toConversationSummary),
    nextCursor:
      rows.length > opts.limit && last
        ? encodeCursor({ k: lastKey ? new Date(lastKey).toISOString() : null, id: last.id })
        : null,
  };
}

export async function getConversationSummary(db: Knex, id: string): Promise<ConversationSummary | undefined> {
  const row = await summaryQuery(db).where('c.id', id).first();
  return row ? toConversationSummary(row) : undefined;
}

export async function lockConversation(
  trx: Knex.Transaction,
  id: string,
): Promise<ConversationRow | undefined> {
  return trx('conversations').where({ id }).forUpdate().first();
}

/**
 * The customer's current conversation on this account (not resolved), locked: a DM from a customer
 * who is already talking to us in public continues that conversation.
 */
export async function findActiveConversationForContact(
  trx: Knex.Transaction,
  channelAccountId: string,
  contactId: string,
): Promise<ConversationRow | undefined> {
  return trx('conversations')
    .where({ channel_account_id: channelAccountId, contact_id: contactId })
    .whereNot({ status: 'resolved' })
    .orderBy('updated_at', 'desc')
    .forNoKeyUpdate()
    .first();
}

/** Finds or creates the conversation for a thread; returns it locked for this transaction. */
export async function upsertConversationForThread(
  trx: Knex.Transaction,
  input: { channelAccountId: string; contactId: string; threadKey: string },
): Promise<{ row: ConversationRow; created: boolean }> {
  const inserted = await trx('conversations')
    .insert({
      channel_account_id: input.channelAccountId,
      contact_id: input.contactId,
      thread_key: input.threadKey,
      status: 'new',
    })
    .onConflict(['channel_account_id', 'thread_key'])
    .ignore()
    .returning('*');
  if (inserted[0]) return { row: inserted[0] as ConversationRow, created: true };
  const row = await trx('conversations')
    .where({ channel_account_id: input.channelAccountId, thread_key: input.threadKey })
    .forNoKeyUpdate()
    .first();
  return { row: row as ConversationRow, created: false };
}

/** Applies a change and bumps the version; returns the new version. */
export async function updateConversation(
  trx: Knex.Transaction,
  id: string,
  changes: Record<string, unknown>,
): Promise<number> {
  const [row] = await trx('conversations')
    .where({ id })
    .update({ ...changes, version: trx.raw('version + 1'), updated_at: trx.fn.now() })
    .returning('version');
  return (row as { version: number }).version;
}
