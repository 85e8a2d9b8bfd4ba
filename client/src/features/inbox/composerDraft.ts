import type { ComposerChannel } from './ChannelSwitch';

/** What the composer keeps per conversation across reloads: the text and the channel it was for. */
export interface ComposerDraft {
  text: string;
  channel: ComposerChannel | null;
  savedAt: number;
}

/** The part of the Web Storage API drafts use (tests pass an in-memory one). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIX = 'caredesk.draft.v1:';
/** A draft older than this is stale: the conversation has moved on. */
export const DRAFT_MAX_AGE_MS = 7 * 24 * 3600_000;
/** Drafts kept per user in this browser; the oldest go first. */
export const DRAFT_MAX_COUNT = 50;
/** Longer than any platform accepts, so a draft never loses text an agent could send. */
export const DRAFT_MAX_LENGTH = 10_000;

const CHANNELS: ReadonlyArray<ComposerChannel> = ['public', 'dm', 'private_reply', 'note'];

/** One key per user and conversation: a colleague signing in on this browser never sees the draft. */
export const draftKey = (userId: string, conversationId: string) => `${PREFIX}${userId}:${conversationId}`;

function parseDraft(raw: string | null): ComposerDraft | null {
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as Partial<ComposerDraft>;
    if (typeof value.text !== 'string' || typeof value.savedAt !== 'number') return null;
    const channel = CHANNELS.includes(value.channel as ComposerChannel)
      ? (value.channel as ComposerChannel)
      : null;
    return { text: value.text, channel, savedAt: value.savedAt };
  } catch {
    return null;
  }
}

// Storage can be full or switched off (private windows, policies): a draft is a convenience, so such a
// failure must never break typing or sending; it is reported to the caller as "not saved".
function attempt(action: () => void): boolean {
  try {
    action();
    return true;
  } catch {
    return false;
  }
}

/** The saved draft, unless it is missing, unreadable or stale (those are removed). */
export function loadDraft(
  storage: DraftStorage,
  userId: string,
  conversationId: string,
  now: number,
): ComposerDraft | null {
  const key = draftKey(userId, conversationId);
  let draft: ComposerDraft | null = null;
  if (!attempt(() => (draft = parseDraft(storage.getItem(key))))) return null;
  const found = draft as ComposerDraft | null;
  if (found === null || now - found.savedAt > DRAFT_MAX_AGE_MS || found.text.trim() === '') {
    attempt(() => storage.removeItem(key));
    return null;
  }
  return found;
}

/** Saves the draft (a blank text removes it) and keeps the user's drafts within count and age. */
export function saveDraft(
  storage: DraftStorage,
  userId: string,
  conversationId: string,
  draft: { text: string; channel: ComposerChannel | null },
  now: number,
): boolean {
  const key = draftKey(userId, conversationId);
  if (draft.text.trim() === '') return attempt(() => storage.removeItem(key));
  const value: ComposerDraft = {
    text: draft.text.slice(0, DRAFT_MAX_LENGTH),
    channel: draft.channel,
    savedAt: now,
  };
  const saved = attempt(() => storage.setItem(key, JSON.stringify(value)));
  pruneDrafts(storage, userId, now);
  return saved;
}

export function clearDraft(storage: DraftStorage, userId: string, conversationId: string): void {
  attempt(() => storage.removeItem(draftKey(userId, conversationId)));
}

/** Removes the user's stale or unreadable drafts, then the oldest beyond DRAFT_MAX_COUNT. */
export function pruneDrafts(storage: DraftStorage, userId: string, now: number): void {
  const mine = `${PREFIX}${userId}:`;
  const kept: Array<{ key: string; savedAt: number }> = [];
  const keys: string[] = [];
  attempt(() => {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(mine)) keys.push(key);
    }
  });
  for (const key of keys) {
    const draft = parseDraft(storage.getItem(key));
    if (draft === null || now - draft.savedAt > DRAFT_MAX_AGE_MS) attempt(() => storage.removeItem(key));
    else kept.push({ key, savedAt: draft.savedAt });
  }
  kept.sort((a, b) => b.savedAt - a.savedAt);
  for (const old of kept.slice(DRAFT_MAX_COUNT)) attempt(() => storage.removeItem(old.key));
}

/** The browser's localStorage, or null where there is none (tests, server rendering, blocked storage). */
export function browserDraftStorage(): DraftStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}
