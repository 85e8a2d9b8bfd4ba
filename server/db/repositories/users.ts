import type { Knex } from 'knex';
import type { Role } from '../../../common/types';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  initials: string;
  role: Role;
  locale: 'en' | 'de';
  time_zone: string;
  password_hash: string | null;
  active: boolean;
  /** Trainee: replies are drafts that need approval (migration 18). */
  needs_approval?: boolean;
  /** Set by an admin password reset: the user must choose a new password (migration 23). */
  must_change_password?: boolean;
}

export async function findUserByEmail(db: Knex, email: string): Promise<UserRow | undefined> {
  return db('users').whereRaw('lower(email) = lower(?)', [email]).first();
}

export async function getUser(db: Knex, id: string): Promise<UserRow | undefined> {
  return db('users').where({ id }).first();
}

export async function countUsers(db: Knex): Promise<number> {
  const row = await db('users').count<{ count: number }>('* as count').first();
  return Number(row?.count ?? 0);
}

export async function upsertUser(
  db: Knex,
  u: { email: string; name: string; initials: string; role: Role; locale: 'en' | 'de'; passwordHash: string },
): Promise<UserRow> {
  const existing = await findUserByEmail(db, u.email);
  const values = {
    email: u.email,
    name: u.name,
    initials: u.initials,
    role: u.role,
    locale: u.locale,
    password_hash: u.passwordHash,
  };
  if (existing) {
    const [row] = await db('users').where({ id: existing.id }).update(values).returning('*');
    return row as UserRow;
  }
  const [row] = await db('users').insert(values).returning('*');
  return row as UserRow;
}

/** The user's own display preferences; returns the updated row. */
export async function updateUserPreferences(
  db: Knex,
  id: string,
  prefs: { locale?: 'en' | 'de' | undefined; timeZone?: string | undefined },
): Promise<UserRow> {
  const patch: Record<string, unknown> = { updated_at: db.fn.now() };
  if (prefs.locale !== undefined) patch.locale = prefs.locale;
  if (prefs.timeZone !== undefined) patch.time_zone = prefs.timeZone;
  const [row] = await db('users').where({ id }).update(patch).returning('*');
  return row as UserRow;
}

/** Stores a new password hash; `mustChange` marks a temporary password set by an admin. */
export async function setPasswordHash(
  db: Knex,
  id: string,
  passwordHash: string,
  mustChange = false,
): Promise<void> {
  await db('users')
    .where({ id })
    .update({ password_hash: passwordHash, must_change_password: mustChange, updated_at: db.fn.now() });
}
