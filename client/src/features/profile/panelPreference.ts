const STORAGE_KEY = 'caredesk.profilePanel';

/** Whether the profile panel is open; open unless this browser closed it. Storage may throw: then open. */
export function readPanelOpen(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) !== 'closed';
  } catch {
    return true;
  }
}

export function storePanelOpen(open: boolean): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, open ? 'open' : 'closed');
  } catch {
    // A lost preference is not worth an error.
  }
}
