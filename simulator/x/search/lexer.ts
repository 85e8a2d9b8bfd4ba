/** Splits a recent-search query into tokens; positions are 1-based, as in X's error messages. */

export type Token =
  | { type: 'lparen' | 'rparen' | 'or' | 'neg'; pos: number; raw: string }
  | { type: 'word' | 'phrase'; pos: number; raw: string; value: string };

export class QuerySyntaxError extends Error {
  constructor(
    readonly detail: string,
    readonly position: number,
  ) {
    super(`There were errors processing your request: ${detail} (at position ${position})`);
  }
}

const SPACE = /\s/;

export function lex(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i]!;
    const pos = i + 1;
    if (SPACE.test(c)) {
      i += 1;
    } else if (c === '(' || c === ')') {
      tokens.push({ type: c === '(' ? 'lparen' : 'rparen', pos, raw: c });
      i += 1;
    } else if (c === '-' && i + 1 < query.length && !SPACE.test(query[i + 1]!)) {
      tokens.push({ type: 'neg', pos, raw: c });
      i += 1;
    } else if (c === '"') {
      const close = query.indexOf('"', i + 1);
      if (close === -1) throw new QuerySyntaxError(`mismatched input '${query.slice(i)}' expecting '"'`, pos);
      tokens.push({ type: 'phrase', pos, raw: query.slice(i, close + 1), value: query.slice(i + 1, close) });
      i = close + 1;
    } else {
      const word = readWord(query, i);
      tokens.push(
        word.value === 'OR'
          ? { type: 'or', pos, raw: word.value }
          : { type: 'word', pos, raw: query.slice(i, word.end), value: word.value },
      );
      i = word.end;
    }
  }
  return tokens;
}

/** A word runs to the next space or parenthesis; `name:"…"` takes the quoted part as its value. */
function readWord(query: string, start: number): { value: string; end: number } {
  let i = start;
  let value = '';
  while (i < query.length) {
    const c = query[i]!;
    if (SPACE.test(c) || c === '(' || c === ')') break;
    if (c === '"' && value.endsWith(':')) {
      const close = query.indexOf('"', i + 1);
      if (close === -1)
        throw new QuerySyntaxError(`mismatched input '${query.slice(i)}' expecting '"'`, i + 1);
      return { value: value + query.slice(i + 1, close), end: close + 1 };
    }
    value += c;
    i += 1;
  }
  return { value, end: i };
}
