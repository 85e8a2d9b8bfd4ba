import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from 'react';

interface MenuButtonProps {
  testId: string;
  /** Content of the button that opens the menu. */
  label: ReactNode;
  title?: string;
  /** Accessible name of the menu. */
  menuLabel: string;
  /** Controlled, so a keyboard shortcut can open the menu too. */
  open: boolean;
  onOpenChange: (open: boolean) => void;
  disabled?: boolean;
  /** The entries: buttons with role="menuitem" (MenuItem); each closes the menu itself when chosen. */
  children: ReactNode;
}

const ITEM_SELECTOR = '[role^="menuitem"]:not(:disabled)';

/**
 * A button with a small dropdown menu. Opening focuses the first entry; arrow keys, Home and End move
 * between entries; Esc closes and returns to the button; a click outside closes.
 */
export function MenuButton({
  testId,
  label,
  title,
  menuLabel,
  open,
  onOpenChange,
  disabled = false,
  children,
}: MenuButtonProps) {
  const wrapper = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>(ITEM_SELECTOR)?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) onOpenChange(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open, onOpenChange]);

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>(ITEM_SELECTOR) ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const focusAt = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (event.key === 'ArrowDown') focusAt(index + 1);
    else if (event.key === 'ArrowUp') focusAt(index - 1);
    else if (event.key === 'Home') focusAt(0);
    else if (event.key === 'End') focusAt(items.length - 1);
    else if (event.key === 'Escape') {
      onOpenChange(false);
      trigger.current?.focus();
    } else if (event.key === 'Tab') onOpenChange(false);
    else return;
    // Handled here; the inbox's global shortcuts skip handled keys.
    if (event.key !== 'Tab') event.preventDefault();
  };

  return (
    <div className="menu-button" ref={wrapper}>
      <button
        ref={trigger}
        data-testid={testId}
        type="button"
        className="button"
        title={title}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={disabled}
        onClick={() => onOpenChange(!open)}
      >
        {label}
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label={menuLabel}
          className="menu"
          tabIndex={-1}
          onKeyDown={onMenuKeyDown}
        >
          {children}
        </div>
      )}
    </div>
  );
}

interface MenuItemProps {
  testId: string;
  onSelect: () => void;
  disabled?: boolean;
  /** Marks the current choice (e.g. the assignee). */
  checked?: boolean;
  children: ReactNode;
  /** Extra data attributes, e.g. { 'data-user-id': id }. */
  data?: Record<`data-${string}`, string>;
}

export function MenuItem({ testId, onSelect, disabled = false, checked, children, data }: MenuItemProps) {
  return (
    <button
      {...data}
      {...(checked === undefined ? { role: 'menuitem' } : { role: 'menuitemradio', 'aria-checked': checked })}
      data-testid={testId}
      type="button"
      className={checked === true ? 'menu__item menu__item--checked' : 'menu__item'}
      disabled={disabled}
      onClick={onSelect}
    >
      {children}
    </button>
  );
}
