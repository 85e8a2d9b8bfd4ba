import type { Knex } from 'knex';
import type { TeamDto } from '../../../common/types';

/** Creates the team if missing and makes the users with these emails members (idempotent). */
export async function ensureTeam(db: Knex, name: string, memberEmails: string[]): Promise<string> {
  const [team] = await db('teams')
    .insert({ name })
    .onConflict('name')
    .merge({ updated_at: db.fn.now() })
    .returning<{ id: string }[]>('id');
  const users = await db('users')
    .whereRaw('lower(email) = any(?)', [memberEmails.map((e) => e.toLowerCase())])
    .select<{ id: string }[]>('id');
  if (users.length > 0) {
    await db('team_members')
      .insert(users.map((u) => ({ team_id: team!.id, user_id: u.id })))
      .onConflict(['team_id', 'user_id'])
      .ignore();
  }
  return team!.id;
}

/** Every team with its members' ids, by name. */
export async function listTeams(db: Knex): Promise<TeamDto[]> {
  const rows = await db('teams as t')
    .leftJoin('team_members as m', 'm.team_id', 't.id')
    .groupBy('t.id', 't.name')
    .orderBy('t.name')
    .select<{ id: string; name: string; member_ids: string[] }[]>(
      't.id',
      't.name',
      db.raw("coalesce(array_agg(m.user_id) filter (where m.user_id is not null), '{}') as member_ids"),
    );
  return rows.map((r) => ({ id: r.id, name: r.name, memberIds: r.member_ids }));
}
