import { lex, QuerySyntaxError, type Token } from './lexer';

/**
 * The recent-search query language, as far as Caredesk's keyword capture needs it: keywords (AND of
 * tokenised, case-insensitive words), "exact phrases", OR, grouping with parentheses, -negation,
 * @mention, #hashtag, $cashtag, from:, to:, url:, conversation_id:, lang:, is:retweet|reply|quote|verified,
 * has:media|images|videos|links|mentions|hashtags|cashtags. AND binds tighter than OR, as on X.
 * Any other operator is refused the way X refuses an operator outside the product.
 */

/** What a query can see of a post. */
export interface SearchablePost {
  id: string;
  /** Lower-case word tokens of the text as written (links expanded). */
  tokens: string[];
  authorId: string;
  authorUsername: string;
  authorVerified: boolean;
  inReplyToUserId: string | null;
  inReplyToUsername: string | null;
  conversationId: string;
  lang: string;
  isRetweet: boolean;
  isReply: boolean;
  isQuote: boolean;
  mediaTypes: string[];
  expandedUrls: string[];
  mentions: string[];
  hashtags: string[];
  cashtags: string[];
}

type Clause =
  | { kind: 'and' | 'or'; items: Clause[] }
  | { kind: 'not'; item: Clause }
  | { kind: 'leaf'; standalone: boolean; test: (p: SearchablePost) => boolean };

export type ParsedQuery =
  | { ok: true; matches: (p: SearchablePost) => boolean }
  | { ok: false; message: string };

const IS_VALUES = ['retweet', 'reply', 'quote', 'verified'] as const;
const HAS_VALUES = ['media', 'images', 'videos', 'links', 'mentions', 'hashtags', 'cashtags'] as const;

export function tokenize(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}_]+/gu) ?? []
  );
}

export function parseSearchQuery(query: string): ParsedQuery {
  try {
    const tokens = lex(query);
    const parser = new Parser(tokens);
    const clause = parser.parseQuery();
    requireStandalone(clause);
    return { ok: true, matches: (p) => evaluate(clause, p) };
  } catch (err) {
    if (err instanceof QuerySyntaxError) return { ok: false, message: err.message };
    throw err;
  }
}

class Parser {
  private i = 0;

  constructor(private readonly tokens: Token[]) {}

  parseQuery(): Clause {
    const clause = this.parseOr();
    const extra = this.tokens[this.i];
    if (extra) throw new QuerySyntaxError(`extraneous input '${extra.raw}' expecting <EOF>`, extra.pos);
    return clause;
  }

  private parseOr(): Clause {
    const items = [this.parseAnd()];
    while (this.peek()?.type === 'or') {
      this.i += 1;
      items.push(this.parseAnd());
    }
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  }

  private parseAnd(): Clause {
    const items: Clause[] = [];
    for (let t = this.peek(); t && t.type !== 'or' && t.type !== 'rparen'; t = this.peek()) {
      items.push(this.parseUnary());
    }
    if (!items.length) {
      const t = this.peek();
      throw new QuerySyntaxError(`no viable alternative at input '${t?.raw ?? '<EOF>'}'`, t?.pos ?? 1);
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items };
  }

  private parseUnary(): Clause {
    const t = this.peek()!;
    if (t.type !== 'neg') return this.parsePrimary();
    this.i += 1;
    if (!this.peek()) throw new QuerySyntaxError(`no viable alternative at input '-'`, t.pos);
    return { kind: 'not', item: this.parsePrimary() };
  }

  private parsePrimary(): Clause {
    const t = this.tokens[this.i++]!;
    if (t.type === 'lparen') {
      const inner = this.parseOr();
      const close = this.tokens[this.i];
      if (close?.type !== 'rparen')
        throw new QuerySyntaxError(`missing ')' at '${close?.raw ?? '<EOF>'}'`, close?.pos ?? t.pos);
      this.i += 1;
      return inner;
    }
    if (t.type === 'phrase') return sequence(tokenize(t.value));
    if (t.type === 'word') return classify(t.value, t.pos);
    throw new QuerySyntaxError(`no viable alternative at input '${t.raw}'`, t.pos);
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }
}

function leaf(test: (p: SearchablePost) => boolean, standalone = true): Clause {
  return { kind: 'leaf', standalone, test };
}

/** Keywords and phrases: the words must appear next to each other, in order. */
function sequence(words: string[]): Clause {
  return leaf((p) => {
    if (!words.length) return false;
    for (let i = 0; i + words.length <= p.tokens.length; i++) {
      if (words.every((w, j) => p.tokens[i + j] === w)) return true;
    }
    return false;
  });
}

function classify(word: string, pos: number): Clause {
  const lower = word.toLowerCase();
  if (/^@\w{1,50}$/.test(word)) return leaf((p) => p.mentions.includes(lower.slice(1)));
  if (/^#[\p{L}\p{N}_]+$/u.test(word)) return leaf((p) => p.hashtags.includes(lower.slice(1)));
  if (/^\$[a-z]{1,6}$/i.test(word)) return leaf((p) => p.cashtags.includes(lower.slice(1)));
  const op = /^([a-z_]+):(.*)$/i.exec(word);
  // A URL written as a keyword is words, not an operator.
  if (!op || word.includes('://')) return sequence(tokenize(word));
  return operator(op[1]!.toLowerCase(), op[2]!, pos);
}

function operator(name: string, value: string, pos: number): Clause {
  const v = value.toLowerCase();
  // Handles are at most 15 characters on X; the demo brand's is longer, so the check is looser here.
  const user = /^\w{1,50}$/.test(value);
  switch (name) {
    case 'from':
      if (user) return leaf((p) => p.authorUsername.toLowerCase() === v || p.authorId === value);
      break;
    case 'to':
      if (user) return leaf((p) => p.inReplyToUsername?.toLowerCase() === v || p.inReplyToUserId === value);
      break;
    case 'url':
      if (value) return leaf((p) => p.expandedUrls.some((u) => u.toLowerCase().includes(v)));
      break;
    case 'conversation_id':
      if (/^\d{1,19}$/.test(value)) return leaf((p) => p.conversationId === value);
      break;
    case 'lang':
      if (/^[a-z]{2,3}$/.test(v)) return leaf((p) => p.lang === v, false);
      break;
    case 'is':
      if ((IS_VALUES as readonly string[]).includes(v))
        return leaf(isTest(v as (typeof IS_VALUES)[number]), false);
      break;
    case 'has':
      if ((HAS_VALUES as readonly string[]).includes(v))
        return leaf(hasTest(v as (typeof HAS_VALUES)[number]), false);
      break;
  }
  const shown = ['is', 'has'].includes(name) ? `${name}:${value}` : name;
  // UNCONFIRMED: the wording X uses for an operator the product does not offer.
  throw new QuerySyntaxError(
    `Reference to invalid operator '${shown}'. Operator is not available in current product or product packaging. ` +
      'Please refer to complete available operator list at ' +
      'https://developer.twitter.com/en/docs/twitter-api/tweets/search/integrate/build-a-query#list.',
    pos,
  );
}

function isTest(what: (typeof IS_VALUES)[number]): (p: SearchablePost) => boolean {
  if (what === 'retweet') return (p) => p.isRetweet;
  if (what === 'reply') return (p) => p.isReply;
  if (what === 'quote') return (p) => p.isQuote;
  return (p) => p.authorVerified;
}

function hasTest(what: (typeof HAS_VALUES)[number]): (p: SearchablePost) => boolean {
  if (what === 'media') return (p) => p.mediaTypes.length > 0;
  if (what === 'images') return (p) => p.mediaTypes.includes('photo');
  if (what === 'videos') return (p) => p.mediaTypes.includes('video');
  if (what === 'links') return (p) => p.expandedUrls.length > 0;
  if (what === 'mentions') return (p) => p.mentions.length > 0;
  if (what === 'hashtags') return (p) => p.hashtags.length > 0;
  return (p) => p.cashtags.length > 0;
}

/**
 * X refuses queries made only of negations or only of conjunction-required operators (is:, has:, lang:).
 * UNCONFIRMED: the exact wording.
 */
function requireStandalone(clause: Clause): void {
  const positive = (c: Clause, standaloneOnly: boolean): boolean => {
    if (c.kind === 'leaf') return !standaloneOnly || c.standalone;
    if (c.kind === 'not') return false;
    return c.items.some((item) => positive(item, standaloneOnly));
  };
  if (!positive(clause, false)) throw new QuerySyntaxError('Rules must contain a non-negation term', 1);
  if (!positive(clause, true)) {
    throw new QuerySyntaxError(
      'Rules must contain at least one standalone operator; is:, has: and lang: can only narrow one down',
      1,
    );
  }
}

function evaluate(clause: Clause, post: SearchablePost): boolean {
  switch (clause.kind) {
    case 'leaf':
      return clause.test(post);
    case 'not':
      return !evaluate(clause.item, post);
    case 'and':
      return clause.items.every((c) => evaluate(c, post));
    case 'or':
      return clause.items.some((c) => evaluate(c, post));
  }
}
