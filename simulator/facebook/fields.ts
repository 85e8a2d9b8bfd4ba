/**
 * The `fields` parameter: a comma list where an edge may carry modifiers and its own field list,
 * e.g. `id,message,comments.summary(true).limit(5){id,from,message}`.
 */

export interface FieldSpec {
  name: string;
  /** `.limit(5)` → limit: "5". */
  modifiers: Record<string, string>;
  /** The `{…}` part; null when the edge or field has none. */
  fields: FieldSpec[] | null;
}

export type FieldsParse = { ok: true; fields: FieldSpec[] } | { ok: false; error: string };

export function parseFields(input: string): FieldsParse {
  const parser = new Parser(input);
  try {
    const fields = parser.list();
    if (!parser.done()) parser.fail('end of string');
    return { ok: true, fields };
  } catch (err) {
    return { ok: false, error: err instanceof SyntaxError ? err.message : String(err) };
  }
}

/** Plain field names given as a default (`['id', 'message']`). */
export function plainFields(names: readonly string[]): FieldSpec[] {
  return names.map((name) => ({ name, modifiers: {}, fields: null }));
}

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  done(): boolean {
    return this.pos >= this.text.length;
  }

  list(): FieldSpec[] {
    const out: FieldSpec[] = [this.item()];
    while (this.peek() === ',') {
      this.pos += 1;
      // Graph tolerates a trailing comma.
      if (this.done() || this.peek() === '}') break;
      out.push(this.item());
    }
    return out;
  }

  fail(expected: string): never {
    // UNCONFIRMED: Graph's wording is along the lines of `Syntax error "Expected …" at character N`.
    const found = this.done() ? 'end of string' : `"${this.text[this.pos]}"`;
    throw new SyntaxError(
      `Syntax error "Expected ${expected} instead of ${found}." at character ${this.pos}`,
    );
  }

  private peek(): string | undefined {
    this.skipSpaces();
    return this.text[this.pos];
  }

  private skipSpaces(): void {
    while (this.text[this.pos] === ' ') this.pos += 1;
  }

  private item(): FieldSpec {
    const spec: FieldSpec = { name: this.name(), modifiers: {}, fields: null };
    for (;;) {
      const next = this.peek();
      if (next === '.') {
        this.pos += 1;
        const modifier = this.name();
        if (this.peek() !== '(') this.fail('"("');
        this.pos += 1;
        const close = this.text.indexOf(')', this.pos);
        if (close < 0) this.fail('")"');
        spec.modifiers[modifier] = this.text.slice(this.pos, close).trim();
        this.pos = close + 1;
      } else if (next === '{' && spec.fields === null) {
        this.pos += 1;
        spec.fields = this.list();
        if (this.peek() !== '}') this.fail('"}"');
        this.pos += 1;
      } else {
        return spec;
      }
    }
  }

  private name(): string {
    this.skipSpaces();
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos));
    if (!match) this.fail('a field name');
    this.pos += match[0].length;
    return match[0];
  }
}

/** Back to text, for the `fields` of paging links built from an edge. */
export function serializeFields(specs: readonly FieldSpec[]): string {
  return specs
    .map((spec) => {
      const modifiers = Object.entries(spec.modifiers)
        .map(([name, arg]) => `.${name}(${arg})`)
        .join('');
      return `${spec.name}${modifiers}${spec.fields ? `{${serializeFields(spec.fields)}}` : ''}`;
    })
    .join(',');
}
