/** Limits the server enforces on tags; checked here so the agent gets an answer before sending. */
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;

/** A tag as the server stores it: trimmed, lower case, inner whitespace collapsed. */
export function normaliseTag(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

/**
 * The tags after typing `input` and pressing Enter: commas separate several tags, duplicates and empty
 * pieces are skipped, and the list stops at the server's limits. Null when nothing would change.
 */
export function addTags(tags: readonly string[], input: string): string[] | null {
  const next = [...tags];
  for (const piece of input.split(',')) {
    const tag = normaliseTag(piece).slice(0, MAX_TAG_LENGTH).trim();
    if (tag === '' || next.includes(tag) || next.length >= MAX_TAGS) continue;
    next.push(tag);
  }
  return next.length === tags.length ? null : next.sort();
}

export function removeTag(tags: readonly string[], tag: string): string[] {
  return tags.filter((existing) => existing !== tag);
}
