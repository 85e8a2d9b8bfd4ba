import type { Knex } from 'knex';

/**
 * The one SQL predicate for channel-account visibility (issue 7 point 2). Admins and leads see every
 * account; agents and guides see accounts of their own teams and accounts with no team (an account
 * nobody has put in a team is the whole desk's, as before teams existed), or every account when
 * granted `users.all_accounts` (migration 26).
 * `column` names the channel account id of the rows being filtered, e.g. `c.channel_account_id`.
 */
export function whereAccountVisible(q: Knex.QueryBuilder, db: Knex, column: string, userId: string): void {
  q.where((w) =>
    w
      .whereExists(
        db('users as vu')
          .select(db.raw('1'))
          .where('vu.id', userId)
          .where((g) => g.whereIn('vu.role', ['admin', 'lead']).orWhere('vu.all_accounts', true)),
      )
      .orWhereIn(
        column,
        db('channel_accounts as va')
          .select('va.id')
          .whereNull('va.team_id')
          .orWhereIn('va.team_id', db('team_members as vm').select('vm.team_id').where('vm.user_id', userId)),
      ),
  );
}

/** Whether the user may see this conversation (unknown ids are simply not visible). */
export async function conversationVisible(
  db: Knex,
  userId: string,
  conversationId: string,
): Promise<boolean> {
  const q = db('conversations as c').select('c.id').where('c.id', conversationId);
  whereAccountVisible(q, db, 'c.channel_account_id', userId);
  return Boolean(await q.first());
}

/** Whether the user may see this message's conversation. */
export async function messageVisible(db: Knex, userId: string, messageId: string): Promise<boolean> {
  const q = db('messages as m')
    .join('conversations as c', 'c.id', 'm.conversation_id')
    .select('m.id')
    .where('m.id', messageId);
  whereAccountVisible(q, db, 'c.channel_account_id', userId);
  return Boolean(await q.first());
}

/** Of these conversation ids, the ones the user may see. */
export async function visibleConversationIds(db: Knex, userId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const q = db('conversations as c').select('c.id').whereIn('c.id', ids);
  whereAccountVisible(q, db, 'c.channel_account_id', userId);
  return new Set((await q).map((r: { id: string }) => r.id));
}

/** Which channel accounts' socket rooms a user joins: all of them, or these ids. */
export async function visibleAccounts(db: Knex, userId: string): Promise<{ all: boolean; ids: string[] }> {
  const user = await db('users').where('id', userId).first('role', 'all_accounts');
  if (user && (['admin', 'lead'].includes(user.role as string) || user.all_accounts))
    return { all: true, ids: [] };
  const q = db('channel_accounts as a').select('a.id');
  whereAccountVisible(q, db, 'a.id', userId);
  return { all: false, ids: (await q).map((r: { id: string }) => r.id) };
}

/** Whether the user may see this customer: one of their conversations is on a visible account. */
export async function contactVisible(db: Knex, userId: string, contactId: string): Promise<boolean> {
  const q = db('conversations as c').select('c.id').where('c.contact_id', contactId);
  whereAccountVisible(q, db, 'c.channel_account_id', userId);
  return Boolean(await q.first());
}
