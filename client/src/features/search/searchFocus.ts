/** Every result the keyboard can land on, in order. */
const ITEM_SELECTOR = '[data-testid="search-results"] [data-search-item]:not([disabled])';

/**
 * Moves the focus to the next (+1) or previous (-1) search result; from outside the results it starts at
 * the first. Enter on the focused result then opens it (it is a button).
 */
export function focusSearchItem(delta: 1 | -1): void {
  const items = [...document.querySelectorAll<HTMLElement>(ITEM_SELECTOR)];
  if (items.length === 0) return;
  const index = items.indexOf(document.activeElement as HTMLElement);
  const next = index === -1 ? items[0] : items[Math.min(items.length - 1, Math.max(0, index + delta))];
  next?.scrollIntoView({ block: 'nearest' });
  next?.focus({ preventScroll: true });
}
