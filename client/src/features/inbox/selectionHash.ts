/**
 * The open conversation lives in the URL hash (#/conversations/<id>), so a reload or a shared link opens
 * the same conversation. The hash keeps the server's single index.html route.
 */
const PREFIX = '#/conversations/';

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
