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
