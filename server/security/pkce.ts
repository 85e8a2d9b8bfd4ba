import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** RFC 7636 code verifier: 32 random bytes → 43 base64url characters (within the 43–128 allowed). */
export function createCodeVerifier(): string {
  return randomBytes(32).toString('base64url');
}

/** The S256 challenge: base64url(SHA-256(verifier)), no padding. */
export function codeChallengeS256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** Unguessable OAuth `state` (binds the callback to the flow this admin started). */
export function createOAuthState(): string {
  return randomBytes(32).toString('base64url');
}

/** Only a hash of the state is stored, so a database read cannot forge a callback. */
export function hashOAuthState(state: string): string {
  return createHash('sha256').update(state, 'utf8').digest('hex');
}

export function sameOAuthState(a: string, b: string): boolean {
  const x = Buffer.from(hashOAuthState(a));
  const y = Buffer.from(hashOAuthState(b));
  return timingSafeEqual(x, y);
}
