import { useEffect, useState } from 'react';
import type { ComposerChannel } from './ChannelSwitch';
import { browserDraftStorage, clearDraft, type DraftStorage, loadDraft, saveDraft } from './composerDraft';

/** The draft left in this conversation by this user, read once when the composer opens. */
export function useComposerDraft(userId: string, conversationId: string) {
  const [storage] = useState<DraftStorage | null>(browserDraftStorage);
  const [initial] = useState(() =>
    storage === null ? null : loadDraft(storage, userId, conversationId, Date.now()),
  );
  return { storage, initial };
}

/**
 * Saves the composer's text and channel whenever they change (a blank text removes the draft); returns
 * what to call after a successful send.
 */
export function useDraftAutosave(
  storage: DraftStorage | null,
  userId: string,
  conversationId: string,
  text: string,
  channel: ComposerChannel | null,
): () => void {
  useEffect(() => {
    if (storage !== null) saveDraft(storage, userId, conversationId, { text, channel }, Date.now());
  }, [storage, userId, conversationId, text, channel]);
  return () => {
    if (storage !== null) clearDraft(storage, userId, conversationId);
  };
}
