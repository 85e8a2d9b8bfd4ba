import { useSyncExternalStore } from 'react';
import type { BulkRequest } from '../../../../../common/types';

/** The last action an agent can take back: what to say about it and the request that reverses it. */
export interface UndoEntry {
  id: number;
  /** i18n key under `undo.what` and its count (bulk). */
  what: 'status' | 'assign' | 'fields' | 'bulk';
  count: number;
  request: BulkRequest;
}

let current: UndoEntry | null = null;
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => {
  for (const listener of listeners) listener();
};

/** One slot: a new action replaces the previous undo, as in Gmail. */
export const undoStore = {
  record(entry: Omit<UndoEntry, 'id'>): void {
    current = { ...entry, id: nextId++ };
    emit();
  },
  /** Takes the entry (so it cannot run twice) if it is still the one given. */
  take(id?: number): UndoEntry | null {
    if (current === null || (id !== undefined && current.id !== id)) return null;
    const taken = current;
    current = null;
    emit();
    return taken;
  },
  dismiss(id: number): void {
    if (current?.id !== id) return;
    current = null;
    emit();
  },
  peek: (): UndoEntry | null => current,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useUndoEntry(): UndoEntry | null {
  return useSyncExternalStore(undoStore.subscribe, undoStore.peek, undoStore.peek);
}
