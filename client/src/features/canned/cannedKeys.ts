/** What a key press does while the canned-response picker is open (null: the key does its usual thing). */
export type CannedKeyAction = 'next' | 'previous' | 'pick' | 'close';

export interface CannedKeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  isComposing?: boolean;
}

/** Ctrl+Space opens the picker from the composer (Cmd+Space is Spotlight on a Mac, so not that). */
export function isCannedShortcut(press: CannedKeyPress): boolean {
  return press.key === ' ' && press.ctrlKey && !press.metaKey && press.isComposing !== true;
}

/**
 * Arrows move, Enter or Tab inserts, Escape closes. Ctrl/Cmd+Enter stays the send shortcut, and nothing
 * is taken from an input method that is still composing.
 */
export function cannedKeyAction(press: CannedKeyPress): CannedKeyAction | null {
  if (press.isComposing === true) return null;
  if (press.key === 'ArrowDown') return 'next';
  if (press.key === 'ArrowUp') return 'previous';
  if (press.key === 'Escape') return 'close';
  if ((press.key === 'Enter' || press.key === 'Tab') && !press.ctrlKey && !press.metaKey) return 'pick';
  return null;
}
