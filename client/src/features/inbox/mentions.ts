import type { UserDto } from '../../../../common/types';

/** An @mention being typed: where its "@" is and what follows it up to the caret. */
export interface MentionQuery {
  start: number;
  query: string;
}

const MAX_QUERY_LENGTH = 40;
export const MAX_SUGGESTIONS = 6;

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/**
 * The mention the caret is in, if any: an "@" at the start or after whitespace, followed by up to the
 * caret by a name still being typed (spaces allowed, for "@Anna B"; no line break, no second "@").
 */
export function mentionAt(text: string, caret: number): MentionQuery | null {
  const start = text.lastIndexOf('@', caret - 1);
  if (start === -1) return null;
  if (start > 0 && !/\s|\(/.test(text[start - 1] ?? '')) return null;
  const query = text.slice(start + 1, caret);
  if (query.length > MAX_QUERY_LENGTH || /[\n@]/.test(query) || query.startsWith(' ')) return null;
  return { start, query };
}

/** Colleagues whose name, a word of it, or initials begin with what was typed; never the author. */
export function matchColleagues(users: readonly UserDto[], query: string, selfId: string): UserDto[] {
  const typed = fold(query);
  return users
    .filter((user) => user.id !== selfId)
    .filter((user) => {
      if (typed === '') return true;
      const name = fold(user.name);
      return (
        name.startsWith(typed) ||
        name.split(/\s+/).some((word) => word.startsWith(typed)) ||
        fold(user.initials).startsWith(typed)
      );
    })
    .slice(0, MAX_SUGGESTIONS);
}

/**
 * The text with the typed mention replaced by "@Full Name " (the server resolves full names), and where
 * the caret goes next.
 */
export function applyMention(
  text: string,
  mention: MentionQuery,
  caret: number,
  user: Pick<UserDto, 'name'>,
): { text: string; caret: number } {
  const after = text.slice(caret);
  // Reuse a space already there, and put the caret after it either way.
  const spaced = /^[ \t]/.test(after);
  const inserted = `@${user.name}${spaced ? '' : ' '}`;
  return {
    text: `${text.slice(0, mention.start)}${inserted}${after}`,
    caret: mention.start + inserted.length + (spaced ? 1 : 0),
  };
}
