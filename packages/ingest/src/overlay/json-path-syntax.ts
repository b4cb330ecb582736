/**
 * The JSONPath subset overlays use (RFC 9535), read into a small syntax tree.
 *
 * The parser is a single left-to-right pass with one character of lookahead: it never
 * backtracks, so its time is linear in the length of the path whatever the input, and its
 * recursion (parentheses, `!`) is capped, so hostile input ends in a syntax error, not a stack
 * overflow. Anything outside the subset is an error naming its column rather than a guess.
 */

export type JsonPathQuery = {
  /** `$` (the document) or, inside a filter, `@` (the node being tested). */
  root: "$" | "@";
  segments: JsonPathSegment[];
};

/** One selector per segment: unions (`[a,b]`) are not in the subset. */
export type JsonPathSegment = { descendant: boolean; selector: JsonPathSelector };

export type JsonPathSelector =
  | { kind: "name"; name: string }
  | { kind: "wildcard" }
  | { kind: "index"; index: number }
  | { kind: "filter"; test: FilterExpression };

export type ComparisonOperator = "==" | "!=" | "<" | "<=" | ">" | ">=";

export type Comparable =
  | { kind: "literal"; value: string | number | boolean | null }
  | { kind: "query"; query: JsonPathQuery };

export type FilterExpression =
  | { kind: "or"; items: FilterExpression[] }
  | { kind: "and"; items: FilterExpression[] }
  | { kind: "not"; test: FilterExpression }
  | { kind: "exists"; query: JsonPathQuery }
  | { kind: "compare"; operator: ComparisonOperator; left: Comparable; right: Comparable };

/** A path outside the subset, or not JSONPath at all; `column` is 1-based. */
export class JsonPathSyntaxError extends Error {
  constructor(
    readonly column: number,
    readonly reason: string,
  ) {
    super(`column ${column}: ${reason}`);
    this.name = "JsonPathSyntaxError";
  }
}

/** Deep enough for any real filter, shallow enough that the parser's stack never runs out. */
const MAX_NESTING = 64;
// RFC 9535 §2.1: indices are I-JSON integers.
const MAX_INDEX = 2 ** 53 - 1;
const COMPARISON_OPERATORS: readonly ComparisonOperator[] = ["==", "!=", "<=", ">=", "<", ">"];

export function parseJsonPath(text: string): JsonPathQuery {
  const parser = new Parser(text);
  const query = parser.query();
  parser.end();
  return query;
}

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  query(): JsonPathQuery {
    if (this.peek() !== "$") {
      this.fail(
        this.pos >= this.text.length
          ? "expected a path starting with $, found nothing"
          : `expected a path starting with $, found ${this.found()}`,
      );
    }
    this.pos++;
    return { root: "$", segments: this.segments(false) };
  }

  end(): void {
    if (this.pos < this.text.length) this.fail(`expected . or [ or the end, found ${this.found()}`);
  }

  /** `inFilter`: queries inside a filter are singular (`.name`, `['name']`, `[n]`). */
  private segments(inFilter: boolean): JsonPathSegment[] {
    const segments: JsonPathSegment[] = [];
    for (;;) {
      // Blank space may separate segments (RFC 9535 §2.5), but it also ends a filter query
      // before an operator: look past it, and give it back when no segment follows.
      const before = this.pos;
      this.blank();
      const c = this.peek();
      if (c === "." && this.text[this.pos + 1] === ".") {
        if (inFilter) this.unsupportedInFilter("a descendant segment (..)");
        this.pos += 2;
        segments.push({ descendant: true, selector: this.afterDots(inFilter) });
      } else if (c === ".") {
        this.pos++;
        segments.push({ descendant: false, selector: this.afterDot(inFilter) });
      } else if (c === "[") {
        segments.push({ descendant: false, selector: this.bracket(inFilter) });
      } else {
        this.pos = before;
        return segments;
      }
    }
  }

  private afterDot(inFilter: boolean): JsonPathSelector {
    if (this.peek() === "*") {
      if (inFilter) this.unsupportedInFilter("a wildcard (*)");
      this.pos++;
      return { kind: "wildcard" };
    }
    return { kind: "name", name: this.shorthandName() };
  }

  private afterDots(inFilter: boolean): JsonPathSelector {
    if (this.peek() === "[") return this.bracket(inFilter);
    return this.afterDot(inFilter);
  }

  private shorthandName(): string {
    const start = this.pos;
    if (!isNameFirst(this.text.charCodeAt(this.pos))) {
      this.fail(
        /[0-9]/.test(this.peek())
          ? `a name after . cannot start with a digit: write ['${this.peekRun()}']`
          : `expected a member name or * after ., found ${this.found()}`,
      );
    }
    while (isNameChar(this.text.charCodeAt(this.pos))) this.pos++;
    const name = this.text.slice(start, this.pos);
    // OpenAPI keys are full of dashes (`x-ntap-...`), which RFC 9535 leaves out of the
    // shorthand. Say how to write them rather than reading a different name.
    if (this.peek() === "-") {
      this.fail(
        `a name after . cannot contain -: write ['${name}${this.peekRun()}'] (RFC 9535 member-name shorthand)`,
      );
    }
    return name;
  }

  private bracket(inFilter: boolean): JsonPathSelector {
    this.pos++; // [
    this.blank();
    const c = this.peek();
    let selector: JsonPathSelector;
    if (c === "'" || c === '"') selector = { kind: "name", name: this.string() };
    else if (c === "*") {
      if (inFilter) this.unsupportedInFilter("a wildcard ([*])");
      this.pos++;
      selector = { kind: "wildcard" };
    } else if (c === "-" || (c >= "0" && c <= "9")) {
      selector = { kind: "index", index: this.index() };
    } else if (c === "?") {
      if (inFilter) this.unsupportedInFilter("a filter inside a filter");
      this.pos++;
      this.blank();
      selector = { kind: "filter", test: this.or() };
    } else if (c === ":") this.fail("array slices ([start:end]) are not supported");
    else
      this.fail(`expected 'name', "name", *, an index or ?filter after [, found ${this.found()}`);
    this.blank();
    if (this.peek() === ",") this.fail("unions of selectors ([a,b]) are not supported");
    if (this.peek() === ":") this.fail("array slices ([start:end]) are not supported");
    if (this.peek() !== "]") this.fail(`expected ], found ${this.found()}`);
    this.pos++;
    return selector;
  }

  private index(): number {
    const start = this.pos;
    const match = /^-?(?:0|[1-9][0-9]*)/.exec(this.text.slice(this.pos, this.pos + 20));
    if (!match || match[0] === "-0") this.fail(`expected an integer index, found ${this.found()}`);
    const value = Number(match[0]);
    if (Math.abs(value) > MAX_INDEX) this.fail(`index ${match[0]} is out of range`);
    this.pos += match[0].length;
    if (/[0-9]/.test(this.peek())) {
      this.pos = start;
      this.fail(`expected an integer index, found ${this.found()}`);
    }
    return value;
  }

  // Filters: `||` binds loosest, then `&&`, then `!` and parentheses (RFC 9535 §2.3.5).

  private or(): FilterExpression {
    const items = [this.and()];
    while (this.operatorAhead("||")) {
      this.pos += 2;
      this.blank();
      items.push(this.and());
    }
    return items.length === 1 ? items[0]! : { kind: "or", items };
  }

  private and(): FilterExpression {
    const items = [this.basic()];
    while (this.operatorAhead("&&")) {
      this.pos += 2;
      this.blank();
      items.push(this.basic());
    }
    return items.length === 1 ? items[0]! : { kind: "and", items };
  }

  private basic(): FilterExpression {
    const c = this.peek();
    if (c === "!") {
      this.nest();
      this.pos++;
      this.blank();
      const next = this.peek();
      let test: FilterExpression;
      if (next === "(") test = this.parenthesized();
      else if (next === "@" || next === "$") test = { kind: "exists", query: this.filterQuery() };
      else this.fail(`expected ( or a query after !, found ${this.found()}`);
      this.depth--;
      return { kind: "not", test };
    }
    if (c === "(") return this.parenthesized();
    const start = this.pos;
    const left = this.comparable();
    const operator = this.comparisonOperator();
    if (operator === undefined) {
      if (left.kind === "query") return { kind: "exists", query: left.query };
      this.pos = start;
      this.fail(
        "a literal alone is not a test: expected a comparison (==, !=, <, <=, >, >=) after it",
      );
    }
    this.blank();
    return { kind: "compare", operator, left, right: this.comparable() };
  }

  private parenthesized(): FilterExpression {
    this.nest();
    this.pos++; // (
    this.blank();
    const test = this.or();
    this.blank();
    if (this.peek() !== ")") this.fail(`expected ), found ${this.found()}`);
    this.pos++;
    this.depth--;
    return test;
  }

  private comparisonOperator(): ComparisonOperator | undefined {
    const before = this.pos;
    this.blank();
    for (const operator of COMPARISON_OPERATORS) {
      if (this.text.startsWith(operator, this.pos)) {
        this.pos += operator.length;
        return operator;
      }
    }
    if (this.peek() === "=") this.fail("expected == (a single = is not a comparison)");
    this.pos = before;
    return undefined;
  }

  private comparable(): Comparable {
    const c = this.peek();
    if (c === "@" || c === "$") return { kind: "query", query: this.filterQuery() };
    if (c === "'" || c === '"') return { kind: "literal", value: this.string() };
    if (c === "-" || (c >= "0" && c <= "9")) return { kind: "literal", value: this.number() };
    for (const [word, value] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (
        this.text.startsWith(word, this.pos) &&
        !isNameChar(this.text.charCodeAt(this.pos + word.length))
      ) {
        this.pos += word.length;
        return { kind: "literal", value };
      }
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos, this.pos + 64));
    if (word && this.text[this.pos + word[0].length] === "(") {
      this.fail(`function extensions (${word[0]}()) are not supported`);
    }
    this.fail(`expected @, $, a string, a number, true, false or null, found ${this.found()}`);
  }

  private filterQuery(): JsonPathQuery {
    const root = this.peek() as "@" | "$";
    this.pos++;
    return { root, segments: this.segments(true) };
  }

  private number(): number {
    // Anchored at the current position; every part is a plain run, so the match is linear.
    const match = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/.exec(
      this.text.slice(this.pos, this.pos + 400),
    );
    if (!match) this.fail(`expected a number, found ${this.found()}`);
    const value = Number(match[0]);
    if (!Number.isFinite(value)) this.fail(`number ${match[0]} is out of range`);
    this.pos += match[0].length;
    if (/[0-9.eE]/.test(this.peek())) this.fail(`expected a number, found ${this.found()}`);
    return value;
  }

  /** A quoted string, with RFC 9535's escapes (§2.3.1.1); `this.pos` is on the quote. */
  private string(): string {
    const quote = this.text[this.pos]!;
    const start = this.pos;
    this.pos++;
    let out = "";
    for (;;) {
      if (this.pos >= this.text.length) {
        this.pos = start;
        this.fail(`string not closed: expected ${quote} before the end`);
      }
      const c = this.text[this.pos]!;
      const code = c.charCodeAt(0);
      if (c === quote) {
        this.pos++;
        return out;
      }
      if (code < 0x20) this.fail("a control character in a string must be escaped (\\n, \\u0001)");
      if (c !== "\\") {
        out += c;
        this.pos++;
        continue;
      }
      const e = this.text[this.pos + 1];
      const simple: Record<string, string> = {
        b: "\b",
        f: "\f",
        n: "\n",
        r: "\r",
        t: "\t",
        "/": "/",
        "\\": "\\",
        [quote]: quote,
      };
      if (e !== undefined && Object.hasOwn(simple, e)) {
        out += simple[e];
        this.pos += 2;
      } else if (e === "u") {
        out += this.unicodeEscape();
      } else {
        this.fail(
          `unknown escape \\${e ?? ""} in a ${quote === "'" ? "single" : "double"}-quoted string`,
        );
      }
    }
  }

  private unicodeEscape(): string {
    const unit = (at: number): number => {
      const hex = this.text.slice(at + 2, at + 6);
      if (!/^[0-9A-Fa-f]{4}$/.test(hex)) {
        this.pos = at;
        this.fail("expected four hex digits after \\u");
      }
      return parseInt(hex, 16);
    };
    const high = unit(this.pos);
    if (high >= 0xdc00 && high <= 0xdfff)
      this.fail("a low surrogate \\u escape without a high one");
    if (high < 0xd800 || high > 0xdbff) {
      this.pos += 6;
      return String.fromCharCode(high);
    }
    if (!this.text.startsWith("\\u", this.pos + 6)) {
      this.fail("a high surrogate \\u escape must be followed by a low one");
    }
    const low = unit(this.pos + 6);
    if (low < 0xdc00 || low > 0xdfff)
      this.fail("a high surrogate \\u escape must be followed by a low one");
    this.pos += 12;
    return String.fromCharCode(high, low);
  }

  private operatorAhead(operator: string): boolean {
    const before = this.pos;
    this.blank();
    if (this.text.startsWith(operator, this.pos)) return true;
    this.pos = before;
    return false;
  }

  private nest(): void {
    this.depth++;
    if (this.depth > MAX_NESTING) this.fail(`filter nested deeper than ${MAX_NESTING} levels`);
  }

  private unsupportedInFilter(what: string): never {
    this.fail(`${what} in a filter query is not supported: only .name, ['name'] and [n]`);
  }

  private blank(): void {
    while (/^[ \t\n\r]$/.test(this.peek())) this.pos++;
  }

  private peek(): string {
    return this.text[this.pos] ?? "";
  }

  /** The next few characters, for messages. */
  private peekRun(): string {
    return /^[^\s.[\]()'"=!<>&|,]*/.exec(this.text.slice(this.pos, this.pos + 40))![0];
  }

  private found(): string {
    if (this.pos >= this.text.length) return "the end";
    return JSON.stringify(this.text.slice(this.pos, this.pos + 12));
  }

  private fail(reason: string): never {
    throw new JsonPathSyntaxError(this.pos + 1, reason);
  }
}

// RFC 9535 §2.5.1.1: ALPHA / "_" / any non-ASCII character, then also digits.
function isNameFirst(code: number): boolean {
  return (
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x5f ||
    code >= 0x80
  );
}

function isNameChar(code: number): boolean {
  return isNameFirst(code) || (code >= 0x30 && code <= 0x39);
}
