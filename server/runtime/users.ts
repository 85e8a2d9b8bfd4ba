import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { Role } from '../../common/types';
import { hashPassword } from '../auth/passwords';
import { ensureTeam } from '../db/repositories/teams';
import { countUsers, upsertUser } from '../db/repositories/users';

export interface DemoLogin {
  email: string;
  password: string;
  name: string;
  role: Role;
}

export const DEMO_PASSWORD = 'caredesk-demo';
export const DEMO_TEAM = 'Service DE';

const DEMO_USERS: Array<Omit<DemoLogin, 'password'> & { initials: string; locale: 'en' | 'de' }> = [
  { email: 'anna@demo.caredesk', name: 'Anna Berger', initials: 'AB', role: 'agent', locale: 'de' },
  { email: 'ben@demo.caredesk', name: 'Ben Okafor', initials: 'BO', role: 'agent', locale: 'en' },
  { email: 'lea@demo.caredesk', name: 'Lea Schmidt', initials: 'LS', role: 'lead', locale: 'de' },
  { email: 'admin@demo.caredesk', name: 'Demo Admin', initials: 'DA', role: 'admin', locale: 'en' },
  // A community guide: her replies are drafts that an agent or lead approves.
  { email: 'gina@demo.caredesk', name: 'Gina Rossi', initials: 'GR', role: 'guide', locale: 'en' },
];

/** Demo mode only: fixed, printed logins for a newcomer's first look. */
export async function seedDemoUsers(db: Knex): Promise<DemoLogin[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) await upsertUser(db, { ...u, passwordHash });
  // One team, so "My teams" and assigning to a team have something to show; the admin is not in it.
  await ensureTeam(db, DEMO_TEAM, ['anna@demo.caredesk', 'ben@demo.caredesk', 'lea@demo.caredesk']);
  return DEMO_USERS.map((u) => ({ email: u.email, password: DEMO_PASSWORD, name: u.name, role: u.role }));
}

/** A real installation with no users gets one admin with a random password, printed once. */
export async function ensureFirstAdmin(db: Knex, email: string): Promise<DemoLogin | null> {
  if ((await countUsers(db)) > 0) return null;
  const password = randomBytes(12).toString('base64url');
  await upsertUser(db, {
    email,
    name: 'Administrator',
    initials: 'AD',
    role: 'admin',
    locale: 'en',
    passwordHash: await hashPassword(password),
  });
  return { email, password, name: 'Administrator', role: 'admin' };
}
