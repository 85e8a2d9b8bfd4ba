import { focusKindOf, isSendShortcut, type KeyPress, moveCursor, shortcutFor } from './keymap';

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...modifiers,
});

describe('shortcutFor', () => {
  it('maps the single-key shortcuts when the focus is not in a text field', () => {
    const actions = ['j', 'k', 'Enter', 'r', 'n', 'a', 'c', 'e', 's', '/', '?'].map((key) =>
      shortcutFor(press(key), 'none'),
    );
    expect(actions).toEqual([
      'next',
      'previous',
      'open',
      'reply',
      'note',
      'assign',
      'claim',
      'resolve',
      'snooze',
      'search',
      'help',
    ]);
  });

  it('leaves letters to text fields, so typing a reply never resolves or claims', () => {
    for (const key of ['j', 'k', 'e', 'c', 's', '/', '?', 'Enter']) {
      expect(shortcutFor(press(key), 'text')).toBeNull();
    }
  });

  it('still closes with Esc and sends with Ctrl/Cmd+Enter inside a text field', () => {
    expect(shortcutFor(press('Escape'), 'text')).toBe('close');
    expect(shortcutFor(press('Enter', { ctrlKey: true }), 'text')).toBe('send');
    expect(shortcutFor(press('Enter', { metaKey: true }), 'text')).toBe('send');
  });

  it('lets Enter activate a focused button or link instead of opening', () => {
    expect(shortcutFor(press('Enter'), 'control')).toBeNull();
    expect(shortcutFor(press('j'), 'control')).toBe('next');
  });

  it('does not take over browser shortcuts or keys an input method is composing', () => {
    expect(shortcutFor(press('c', { ctrlKey: true }), 'none')).toBeNull();
    expect(shortcutFor(press('k', { metaKey: true }), 'none')).toBeNull();
    expect(shortcutFor(press('e', { altKey: true }), 'none')).toBeNull();
    expect(shortcutFor(press('Enter', { ctrlKey: true, isComposing: true }), 'text')).toBeNull();
    expect(shortcutFor(press('q'), 'none')).toBeNull();
    expect(shortcutFor(press('J'), 'none')).toBeNull();
    expect(shortcutFor(press('x'), 'text')).toBeNull();
  });

  it('selects with x and undoes with z, outside text fields', () => {
    expect(shortcutFor(press('x'), 'none')).toBe('select');
    expect(shortcutFor(press('z'), 'control')).toBe('undo');
    expect(shortcutFor(press('z', { ctrlKey: true }), 'none')).toBeNull();
  });
});

describe('isSendShortcut', () => {
  it('is Ctrl+Enter or Cmd+Enter only', () => {
    expect(isSendShortcut(press('Enter', { ctrlKey: true }))).toBe(true);
    expect(isSendShortcut(press('Enter'))).toBe(false);
    expect(isSendShortcut(press('s', { ctrlKey: true }))).toBe(false);
  });
});

describe('focusKindOf', () => {
  it('treats text inputs, text areas, selects and editable content as text fields', () => {
    expect(focusKindOf({ tagName: 'TEXTAREA' })).toBe('text');
    expect(focusKindOf({ tagName: 'INPUT', type: 'search' })).toBe('text');
    expect(focusKindOf({ tagName: 'INPUT' })).toBe('text');
    expect(focusKindOf({ tagName: 'SELECT' })).toBe('text');
    expect(focusKindOf({ tagName: 'DIV', isContentEditable: true })).toBe('text');
  });

  it('treats buttons, links and radio buttons as controls, and the page as neither', () => {
    expect(focusKindOf({ tagName: 'BUTTON' })).toBe('control');
    expect(focusKindOf({ tagName: 'A' })).toBe('control');
    expect(focusKindOf({ tagName: 'INPUT', type: 'radio' })).toBe('control');
    expect(focusKindOf({ tagName: 'BODY' })).toBe('none');
    expect(focusKindOf(null)).toBe('none');
  });
});

describe('moveCursor', () => {
  const ids = ['a', 'b', 'c'];

  it('moves down and up one row at a time and stops at the ends', () => {
    expect(moveCursor(ids, 'a', 1)).toBe('b');
    expect(moveCursor(ids, 'b', -1)).toBe('a');
    expect(moveCursor(ids, 'c', 1)).toBe('c');
    expect(moveCursor(ids, 'a', -1)).toBe('a');
  });

  it('starts at the top when nothing, or a row no longer listed, was selected', () => {
    expect(moveCursor(ids, null, 1)).toBe('a');
    expect(moveCursor(ids, 'gone', -1)).toBe('a');
    expect(moveCursor([], 'a', 1)).toBeNull();
  });
});
