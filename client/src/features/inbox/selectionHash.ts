/**
 * The open conversation lives in the URL hash (#/conversations/<id>), so a reload or a shared link opens
 * the same conversation. The hash keeps the server's single index.html route.
 */
const PREFIX = '#/conversations/';

/** The account health view, so a reload or a link from a banner opens it again. */
export const ACCOUNTS_HASH = '#/accounts';

export function isAccountsHash(hash: string): boolean {
  return hash === ACCOUNTS_HASH;
}

/** Screens that cover the conversation pane, each with its own hash so a reload or link opens it. */
export const SCREENS = [
  'accounts',
  'dashboard',
  'reports',
  'sla',
  'routing',
  'users',
  'audit',
  'password',
] as const;
export type Screen = (typeof SCREENS)[number];

export function screenFromHash(hash: string): Screen | null {
  return SCREENS.find((screen) => hash === `#/${screen}`) ?? null;
}

export function hashForScreen(screen: Screen): string {
  return `#/${screen}`;
}

export function conversationIdFromHash(hash: string): string | null {
  if (!hash.startsWith(PREFIX)) return null;
  const raw = hash.slice(PREFIX.length);
  if (raw === '') return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

export function hashForConversation(id: string | null): string {
  return id === null ? '' : `${PREFIX}${encodeURIComponent(id)}`;
}
