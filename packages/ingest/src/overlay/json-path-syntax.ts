/**
 * Reading a JSONPath (RFC 9535): json-p3 parses it; this module is the glue around it.
 *
 * json-p3 passes the whole RFC 9535 compliance test suite (see the README's Overlays section
 * for why it was chosen). What is ours here is only what it does not do for an overlay:
 * - its parser recurses once per nesting level and logical operator, so a hostile path of
 *   thousands of `(` or `&&` ends in a stack overflow; a linear scan first caps both;
 * - it reads a `-` in a `.name` as part of the name (`$.x-ntap`), which RFC 9535 does not, so
 *   such a target would work here and fail in an RFC tool: the scan refuses it and says how to
 *   write it, since OpenAPI keys (`x-ntap-…`) invite it everywhere;
 * - it orders strings by UTF-16 unit, not by code point as RFC 9535 says (code-point-order.ts);
 * - its errors carry a 0-based index and an excerpt; ours say `column N: reason`.
 */
import {
  JSONPathEnvironment,
  JSONPathError,
  JSONPathLexerError,
  JSONPathRecursionLimitError,
  type JSONPathQuery,
} from "json-p3";
import { orderStringsByCodePoint } from "./code-point-order.js";

/** A compiled path (json-p3's): `segments`, each with its selectors. */
export type JsonPathQuery = JSONPathQuery;

/** A path that is not RFC 9535 JSONPath, or beyond the limits below; `column` is 1-based. */
export class JsonPathSyntaxError extends Error {
  constructor(
    readonly column: number,
    readonly reason: string,
  ) {
    super(`column ${column}: ${reason}`);
    this.name = "JsonPathSyntaxError";
  }
}

/**
 * Parentheses, and brackets, open at once: deep enough for any real filter, far below where
 * json-p3's recursive parser runs out of stack (~1,600 nested filters, ~6,000 parentheses).
 */
const MAX_NESTING = 64;
/** `!`, `&&`, `||`: one parser frame each in json-p3 (stack overflow at ~12,000). */
const MAX_LOGICAL_OPERATORS = 1_000;
/**
 * How deep a descendant query inside a filter (`[?@..x]`, which json-p3 walks itself) may go
 * below the node it starts from; deeper is an error, not a stack overflow.
 */
export const MAX_FILTER_DESCENT = 256;

/** RFC 9535 as json-p3 reads it by default (strict), with the bound above. */
export const JSON_PATH = new JSONPathEnvironment({ maxRecursionDepth: MAX_FILTER_DESCENT });

export function parseJsonPath(text: string): JsonPathQuery {
  if (text === "")
    throw new JsonPathSyntaxError(1, "expected a path starting with $, found nothing");
  checkBeyondLibrary(text);
  let query: JsonPathQuery;
  try {
    query = JSON_PATH.compile(text);
  } catch (e) {
    throw toSyntaxError(e);
  }
  orderStringsByCodePoint(query);
  return query;
}

/**
 * json-p3's error (from compiling, or from evaluating a filter's descendant query) as ours;
 * anything else unchanged. A stack overflow the scan did not foresee is still an error about
 * the path, not a crash.
 */
export function toSyntaxError(e: unknown): unknown {
  if (e instanceof RangeError) return new JsonPathSyntaxError(1, "the path is nested too deeply");
  if (!(e instanceof JSONPathError)) return e;
  const { index, input } = e.token;
  if (e instanceof JSONPathRecursionLimitError) {
    return new JsonPathSyntaxError(
      index + 1,
      `a descendant query in a filter goes deeper than ${MAX_FILTER_DESCENT} levels`,
    );
  }
  // "can't backup beyond start" is what the lexer says of a path that ends after `.`.
  if (e instanceof JSONPathLexerError && /backup/.test(e.message)) {
    return new JsonPathSyntaxError(index + 1, "expected a member name or * after ., found the end");
  }
  // json-p3 appends ` ('<excerpt of at most 9 characters>':<index>)` to its message.
  const excerpt = Math.min(9, input.length);
  const suffix = `':${index})`;
  const reason = e.message.endsWith(suffix)
    ? e.message.slice(0, e.message.length - suffix.length - excerpt - 3)
    : e.message;
  return new JsonPathSyntaxError(index + 1, reason);
}

/**
 * One pass over the path, skipping string literals: nesting depth, logical operators, a `-`
 * in a `.name` and a `.name` that starts with a digit (the last two to say how to write them).
 * Linear whatever the input: each backward look (`inNumber`) stops at the previous `.`.
 */
function checkBeyondLibrary(text: string): void {
  // Parentheses and brackets (a filter in a filter) each recurse in json-p3's parser.
  let parentheses = 0;
  let brackets = 0;
  let operators = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"') {
      // To the closing quote; an unclosed string is left to json-p3 to report.
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === "\\") i++;
    } else if (c === "(" || c === "[") {
      const depth = c === "(" ? ++parentheses : ++brackets;
      if (depth > MAX_NESTING) fail(i, `nested deeper than ${MAX_NESTING} levels`);
    } else if (c === ")") {
      parentheses--;
    } else if (c === "]") {
      brackets--;
    } else if (
      (c === "!" && text[i + 1] !== "=") ||
      ((c === "&" || c === "|") && text[i + 1] === c)
    ) {
      if (++operators > MAX_LOGICAL_OPERATORS) {
        fail(i, `more than ${MAX_LOGICAL_OPERATORS} logical operators (!, &&, ||)`);
      }
      if (c !== "!") i++;
    } else if (c === "." && !inNumber(text, i)) {
      let end = i + 1;
      while (end < text.length && isNameChar(text.charCodeAt(end))) end++;
      const run = () => /^[^\s.[\]()'"=!<>&|,]*/.exec(text.slice(i + 1, i + 200))![0];
      if (end > i + 1 && text[end] === "-") {
        fail(
          end,
          `a name after . cannot contain -: write ['${run()}'] (RFC 9535 member-name shorthand)`,
        );
      }
      // `.200` under `responses`: json-p3 says "unexpected shorthand selector '2'".
      if (isDigit(text.charCodeAt(i + 1))) {
        fail(i + 1, `a name after . cannot start with a digit: write ['${run()}']`);
      }
    }
  }
}

/** Whether the `.` at `i` is a decimal point: the run of name characters before it starts with a digit. */
function inNumber(text: string, i: number): boolean {
  let start = i;
  while (start > 0 && isNameChar(text.charCodeAt(start - 1))) start--;
  return start < i && isDigit(text.charCodeAt(start));
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

// RFC 9535 §2.5.1.1 name-char: ALPHA / DIGIT / "_" / any non-ASCII character.
function isNameChar(code: number): boolean {
  return (
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    isDigit(code) ||
    code === 0x5f ||
    code >= 0x80
  );
}

function fail(index: number, reason: string): never {
  throw new JsonPathSyntaxError(index + 1, reason);
}
