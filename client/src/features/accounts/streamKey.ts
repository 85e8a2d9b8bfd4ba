/** A poll stream key ("mentions", "own", "dms", "search:<query>") in a form the UI can name. */
export type StreamName =
  | { kind: 'mentions' | 'own' | 'dms' }
  | { kind: 'search'; query: string }
  | { kind: 'other'; key: string };

const SEARCH_PREFIX = 'search:';

export function parseStreamKey(key: string): StreamName {
  if (key === 'mentions' || key === 'own' || key === 'dms') return { kind: key };
  if (key.startsWith(SEARCH_PREFIX)) return { kind: 'search', query: key.slice(SEARCH_PREFIX.length) };
  // A stream added on the server before the client knows its name is still shown, by its key.
  return { kind: 'other', key };
}
