import type { Knex } from 'knex';
import type { Role } from '../../../common/types';
import type { ManagedUserDto, PendingInviteDto } from '../../../common/userManagement';

type Db = Knex | Knex.Transaction;

interface ManagedRow {
  id: string;
  email: string;
  name: string;
  initials: string;
  role: Role;
  locale: 'en' | 'de';
  active: boolean;
  team_ids: string[];
}

const toManaged = (r: ManagedRow): ManagedUserDto => ({
  id: r.id,
  email: r.email,
  name: r.name,
  initials: r.initials,
  role: r.role,
  locale: r.locale,
  active: r.active,
  teamIds: r.team_ids,
});

function managedQuery(db: Db) {
  return db('users as u').select<ManagedRow[]>(
    'u.id',
    'u.email',
    'u.name',
    'u.initials',
    'u.role',
    'u.locale',
    'u.active',
    db.raw(
      "coalesce((select array_agg(m.team_id order by m.team_id) from team_members m where m.user_id = u.id), '{}') as team_ids",
    ),
  );
}

/** Every user, active or not, with their teams; by name. */
export async function listManagedUsers(db: Db): Promise<ManagedUserDto[]> {
  return (await managedQuery(db).orderBy([{ column: 'u.name' }, { column: 'u.id' }])).map(toManaged);
}

export async function getManagedUser(db: Db, id: string): Promise<ManagedUserDto | undefined> {
  const [row] = await managedQuery(db).where('u.id', id).forUpdate();
  return row ? toManaged(row) : undefined;
}

export async function updateUserFields(
  db: Db,
  id: string,
  patch: { name?: string; initials?: string; role?: Role; locale?: 'en' | 'de'; active?: boolean },
): Promise<void> {
  const values: Record<string, unknown> = { updated_at: db.fn.now() };
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) values[k] = v;
  await db('users').where({ id }).update(values);
}

export async function setUserTeams(db: Db, userId: string, teamIds: string[]): Promise<void> {
  await db('team_members').where({ user_id: userId }).delete();
  if (teamIds.length > 0)
    await db('team_members').insert(teamIds.map((teamId) => ({ team_id: teamId, user_id: userId })));
}

/** Ids among `teamIds` that name no team. */
export async function unknownTeamIds(db: Db, teamIds: string[]): Promise<string[]> {
  if (teamIds.length === 0) return [];
  const found = new Set((await db('teams').whereIn('id', teamIds).pluck('id')) as string[]);
  return teamIds.filter((id) => !found.has(id));
}

/** Ends every session of the user at once (deactivation). */
export async function deleteUserSessions(db: Db, userId: string): Promise<number> {
  return db('sessions').where({ user_id: userId }).delete();
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const row = await db('users').where({ role: 'admin', active: true }).count<{ n: string }>('* as n').first();
  return Number(row?.n ?? 0);
}

export async function emailTaken(db: Db, email: string): Promise<boolean> {
  return Boolean(await db('users').whereRaw('lower(email) = lower(?)', [email]).first('id'));
}

export interface InviteRow {
  id: string;
  email: string;
  role: Role;
  locale: 'en' | 'de';
  team_ids: string[];
  expires_at: Date;
  used_at: Date | null;
}

export const toPendingInvite = (r: InviteRow): PendingInviteDto => ({
  id: r.id,
  email: r.email,
  role: r.role,
  expiresAt: r.expires_at.toISOString(),
});

export async function insertInvite(
  db: Db,
  i: {
    email: string;
    role: Role;
    locale: 'en' | 'de';
    teamIds: string[];
    tokenHash: string;
    invitedBy: string;
    expiresAt: Date;
  },
): Promise<InviteRow> {
  const [row] = await db('user_invites')
    .insert({
      email: i.email,
      role: i.role,
      locale: i.locale,
      team_ids: i.teamIds,
      token_hash: i.tokenHash,
      invited_by: i.invitedBy,
      expires_at: i.expiresAt,
    })
    .returning('*');
  return row as InviteRow;
}

/** Open invitations (not used, not expired), newest first. */
export async function listPendingInvites(db: Db): Promise<PendingInviteDto[]> {
  const rows: InviteRow[] = await db('user_invites')
    .whereNull('used_at')
    .where('expires_at', '>', db.fn.now())
    .orderBy('created_at', 'desc');
  return rows.map(toPendingInvite);
}

/** The usable invitation with this token hash, locked when inside a transaction. */
export async function findUsableInvite(
  db: Db,
  tokenHash: string,
  lock = false,
): Promise<InviteRow | undefined> {
  const q = db('user_invites')
    .where({ token_hash: tokenHash })
    .whereNull('used_at')
    .where('expires_at', '>', db.fn.now())
    .first();
  return lock ? q.forUpdate() : q;
}

export async function markInviteUsed(db: Db, id: string, userId: string): Promise<void> {
  await db('user_invites').where({ id }).update({ used_at: db.fn.now(), user_id: userId });
}

export async function insertInvitedUser(
  db: Db,
  u: { email: string; name: string; initials: string; role: Role; locale: 'en' | 'de'; passwordHash: string },
): Promise<string> {
  const [row] = await db('users')
    .insert({
      email: u.email,
      name: u.name,
      initials: u.initials,
      role: u.role,
      locale: u.locale,
      password_hash: u.passwordHash,
    })
    .returning('id');
  return (row as { id: string }).id;
}
