import type { Knex } from 'knex';
import type { Role } from '../../../common/types';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  initials: string;
  role: Role;
  locale: 'en' | 'de';
  password_hash: string | null;
  active: boolean;
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
