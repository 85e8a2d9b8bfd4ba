import { useEffect, useLayoutEffect, useRef } from 'react';
import { focusKindOf, type ShortcutAction, shortcutFor } from './keymap';

/**
 * Listens for the inbox's keyboard shortcuts on the whole page (see keymap.ts for which keys count where).
 * `handle` answers whether it did something, and only then is the key's default action suppressed (so
 * "/" focuses the search box without typing a slash into it). Keys a component already handled
 * (preventDefault, e.g. Esc in an open menu) are left alone. Ctrl/Cmd+Enter belongs to the composer.
 */
export function useInboxShortcuts(handle: (action: ShortcutAction) => boolean): void {
  const latest = useRef(handle);
  useLayoutEffect(() => {
    latest.current = handle;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const target = event.target instanceof Element ? (event.target as HTMLElement) : null;
      const action = shortcutFor(event, focusKindOf(target));
      if (action === null || action === 'send') return;
      if (latest.current(action)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
