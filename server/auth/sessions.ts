import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { postgresSessionStore, type SessionStore } from './sessionStore';

export const SESSION_COOKIE = 'cd_session';

/** Default idle timeout when none is configured (SESSION_IDLE_MINUTES). */
export const DEFAULT_SESSION_IDLE_MS = 30 * 60_000;

/** The configured session store (`deps.sessionStore`), else PostgreSQL. */
export function sessionStoreOf(deps: { db: Knex; sessionStore?: SessionStore | undefined }): SessionStore {
  return deps.sessionStore ?? postgresSessionStore(deps.db);
}

export const hashSessionToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Server-side sessions: the cookie holds a random token; the database holds only its hash.
 * A new token at every login (no session fixation).
 */
export async function startSession(store: SessionStore, userId: string, ttlMs: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await store.create(hashSessionToken(token), userId, ttlMs);
  return token;
}

export async function resolveSession(
  store: SessionStore,
  token: string | undefined,
  idleMs = DEFAULT_SESSION_IDLE_MS,
): Promise<string | null> {
  if (!token || token.length > 200) return null;
  return store.find(hashSessionToken(token), idleMs);
}

/** Ends one session; returns the user it belonged to (null when there was none). */
export async function endSession(store: SessionStore, token: string | undefined): Promise<string | null> {
  return token ? store.delete(hashSessionToken(token)) : null;
}

/** Ends all of a user's sessions (optionally keeping the caller's own). */
export async function endUserSessions(
  store: SessionStore,
  userId: string,
  keepToken?: string,
): Promise<void> {
  await store.deleteForUser(userId, keepToken ? hashSessionToken(keepToken) : undefined);
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
