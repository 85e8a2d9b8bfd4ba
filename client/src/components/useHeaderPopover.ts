import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';

/**
 * A header button with a popover list (notifications, drafts): focus goes to the first entry when it
 * opens; arrow keys, Home and End move between entries (`itemSelector`); Esc or a click outside closes it
 * and focus returns to the button.
 */
export function useHeaderPopover(itemSelector: string) {
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const titleId = useId();

  useEffect(() => {
    if (!open) return;
    (panel.current?.querySelector<HTMLElement>(itemSelector) ?? panel.current)?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open, itemSelector]);

  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };

  const onPanelKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const entries = [...(panel.current?.querySelectorAll<HTMLElement>(itemSelector) ?? [])];
    const index = entries.indexOf(document.activeElement as HTMLElement);
    const focusAt = (i: number) => entries[(i + entries.length) % entries.length]?.focus();
    if (event.key === 'Escape') close();
    else if (event.key === 'ArrowDown') focusAt(index + 1);
    else if (event.key === 'ArrowUp') focusAt(index < 0 ? -1 : index - 1);
    else if (event.key === 'Home') focusAt(0);
    else if (event.key === 'End') focusAt(entries.length - 1);
    else return;
    // Handled here; the inbox's global shortcuts skip handled keys.
    event.preventDefault();
  };

  return { open, setOpen, wrapper, trigger, panel, panelId, titleId, close, onPanelKeyDown };
}
