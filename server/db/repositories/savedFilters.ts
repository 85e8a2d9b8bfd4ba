import type { Knex } from 'knex';
import type { ConversationFilters, InboxView, ListSort } from '../../../common/types';

export interface SavedFilterRow {
  id: string;
  user_id: string;
  name: string;
  /** { view, sort, filters } as validated by the route. */
  filters: { view: InboxView; sort: ListSort; filters: ConversationFilters };
}

export async function listSavedFilters(db: Knex, userId: string): Promise<SavedFilterRow[]> {
  return db('saved_filters').where({ user_id: userId }).orderByRaw('lower(name)');
}

/** Stores a filter; null when the user already has one with that name (any case). */
export async function insertSavedFilter(
  db: Knex,
  input: { userId: string; name: string; spec: SavedFilterRow['filters'] },
): Promise<SavedFilterRow | null> {
  const rows = await db('saved_filters')
    .insert({ user_id: input.userId, name: input.name, filters: JSON.stringify(input.spec) })
    .onConflict(db.raw('(user_id, lower(name))'))
    .ignore()
    .returning('*');
  return (rows[0] as SavedFilterRow | undefined) ?? null;
}

/** Deletes one of the user's own filters; false when there was none. */
export async function deleteSavedFilter(db: Knex, userId: string, id: string): Promise<boolean> {
  return (await db('saved_filters').where({ id, user_id: userId }).delete()) > 0;
}
