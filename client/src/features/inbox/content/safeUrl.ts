/**
 * The URL as an href we are willing to put in the page, or null. Only absolute http(s) URLs pass:
 * entity and media URLs come from customers' posts, and `javascript:`, `data:` or relative URLs from a
 * crafted payload must never become a clickable link or an image source.
 */
export function safeHttpUrl(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}
