import type { Platform } from '../../common/types';

const X_HANDLE = /^[A-Za-z0-9_]{1,15}$/;

/**
 * The customer's public profile page, when it can be derived. X: `https://x.com/<handle>`. Facebook
 * gives apps only page- or app-scoped user ids, which do not open a profile, so there is none.
 */
export function profileUrlFor(platform: Platform, handle: string): string | null {
  if (platform === 'x' && X_HANDLE.test(handle)) return `https://x.com/${handle}`;
  return null;
}
