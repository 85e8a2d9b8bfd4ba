/**
 * The inbox's keyboard shortcuts, as pure functions of the key pressed and where the focus is, so the
 * rules (letters never fire while typing, Esc and Ctrl/Cmd+Enter always do) are tested without a DOM.
 */

export type ShortcutAction =
  | 'next'
  | 'previous'
  | 'open'
  | 'reply'
  | 'note'
  | 'assign'
  | 'claim'
  | 'resolve'
  | 'snooze'
  | 'select'
  | 'undo'
  | 'search'
  | 'help'
  | 'close'
  | 'send';

/** What the focused element does with keys: takes text, is a control that Enter activates, or neither. */
export type FocusKind = 'text' | 'control' | 'none';

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** An input method (Japanese, Chinese, …) is composing: the key belongs to it. */
  isComposing?: boolean;
}

/** Single keys that act only when the focus is not in a text field, in the order the help lists them. */
export const LETTER_SHORTCUTS: ReadonlyArray<{ key: string; action: ShortcutAction }> = [
  { key: 'j', action: 'next' },
  { key: 'k', action: 'previous' },
  { key: 'Enter', action: 'open' },
  { key: 'r', action: 'reply' },
  { key: 'n', action: 'note' },
  { key: 'a', action: 'assign' },
  { key: 'c', action: 'claim' },
  { key: 'e', action: 'resolve' },
  { key: 's', action: 'snooze' },
  { key: 'x', action: 'select' },
  { key: 'z', action: 'undo' },
  { key: '/', action: 'search' },
  { key: '?', action: 'help' },
];

/** Marks the Ctrl (Cmd on a Mac) key in SHORTCUT_HELP; the overlay shows it in the interface language. */
export const CTRL_KEY = 'Ctrl';

/** Every shortcut with the keys to press for it, for the help overlay. */
export const SHORTCUT_HELP: ReadonlyArray<{ keys: readonly string[]; action: ShortcutAction }> = [
  ...LETTER_SHORTCUTS.map(({ key, action }) => ({ keys: [key], action })),
  { keys: ['Esc'], action: 'close' },
  { keys: [CTRL_KEY, 'Enter'], action: 'send' },
];

const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'email',
  'password',
  'url',
  'tel',
  'number',
  'date',
  'datetime-local',
  'time',
  'month',
  'week',
]);

/** The parts of a focused element the keymap looks at (an Element fits). */
export interface FocusTarget {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
}

export function focusKindOf(target: FocusTarget | null | undefined): FocusKind {
  if (target === null || target === undefined) return 'none';
  if (target.isContentEditable === true) return 'text';
  const tag = (target.tagName ?? '').toUpperCase();
  // A select takes letters too (typing jumps to an option).
  if (tag === 'TEXTAREA' || tag === 'SELECT') return 'text';
  if (tag === 'INPUT')
    return TEXT_INPUT_TYPES.has((target.type ?? 'text').toLowerCase()) ? 'text' : 'control';
  if (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY') return 'control';
  return 'none';
}

/** Ctrl+Enter or Cmd+Enter, which sends from the composer; never while an input method is composing. */
export function isSendShortcut(press: KeyPress): boolean {
  return press.key === 'Enter' && (press.ctrlKey || press.metaKey) && press.isComposing !== true;
}

/** The action a key press asks for, or null when the key should do what it normally does. */
export function shortcutFor(press: KeyPress, focus: FocusKind): ShortcutAction | null {
  if (press.isComposing === true) return null;
  if (press.key === 'Escape') return 'close';
  if (isSendShortcut(press)) return 'send';
  // Browser and system shortcuts (Ctrl+C, Cmd+K, Alt+…) are not ours; Shift is part of '?'.
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (focus === 'text') return null;
  // Enter on a button or link activates that element; the keymap only opens when nothing else would.
  if (press.key === 'Enter' && focus === 'control') return null;
  return LETTER_SHORTCUTS.find((shortcut) => shortcut.key === press.key)?.action ?? null;
}

/**
 * The row to move to with j (+1) or k (-1), by id. From no row, or one no longer listed, it starts at
 * the top; it stops at either end rather than wrapping.
 */
export function moveCursor(ids: readonly string[], current: string | null, delta: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const index = current === null ? -1 : ids.indexOf(current);
  if (index === -1) return ids[0] ?? null;
  return ids[Math.min(ids.length - 1, Math.max(0, index + delta))] ?? null;
}
