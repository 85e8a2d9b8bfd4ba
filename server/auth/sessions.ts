import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { createSession, deleteSession, findSessionUser } from '../db/repositories/sessions';

export const SESSION_COOKIE = 'cd_session';

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Server-side sessions: the cookie holds a random token; the database holds only its hash. */
export async function startSession(db: Knex, userId: string, ttlMs: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await createSession(db, hashToken(token), userId, ttlMs);
  return token;
}

export async function resolveSession(db: Knex, token: string | undefined): Promise<string | null> {
  if (!token || token.length > 200) return null;
  return findSessionUser(db, hashToken(token));
}

export async function endSession(db: Knex, token: string | undefined): Promise<void> {
  if (token) await deleteSession(db, hashToken(token));
}

/** Reads one cookie from a Cookie header without a parser dependency for a single value. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name)
      return decodeURIComponent(part.slice(index + 1).trim());
  }
  return undefined;
}
