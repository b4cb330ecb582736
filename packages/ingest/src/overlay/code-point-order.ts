/**
 * RFC 9535 §2.3.5.2.2 orders strings by Unicode scalar value. json-p3 (like jsonpath-rfc9535,
 * the other candidate) compares them with JavaScript's `<`, by UTF-16 unit, which disagrees
 * when a character beyond U+FFFF meets one in U+E000–U+FFFF: `'\u{10000}' < '\uffff'` is true
 * in JavaScript, false in RFC 9535. The compliance test suite does not test it, and the
 * library offers no hook for it, so the ordering comparisons of a compiled query (`<`, `<=`,
 * `>`, `>=`) are given the RFC's order here; everything else (`==`, `!=`, numbers, mixed
 * types) stays json-p3's `compare`. Only the queries `parseJsonPath` compiles are changed,
 * never json-p3's classes.
 */
import { jsonpath } from "json-p3";
import type { JsonPathQuery } from "./json-path-syntax.js";

const { InfixExpression, compare } = jsonpath.expressions;
const ORDERING = new Set(["<", "<=", ">", ">="]);

class CodePointOrdering extends InfixExpression {
  override evaluate(context: jsonpath.FilterContext): boolean {
    const left = single(this.left.evaluate(context));
    const right = single(this.right.evaluate(context));
    if (typeof left !== "string" || typeof right !== "string") {
      return compare(left, this.operator, right);
    }
    const order = compareCodePoints(left, right);
    switch (this.operator) {
      case "<":
        return order < 0;
      case "<=":
        return order <= 0;
      case ">":
        return order > 0;
      default:
        return order >= 0;
    }
  }
}

/** As json-p3's InfixExpression does: a query that selects one node compares as its value. */
function single(value: unknown): unknown {
  return value instanceof jsonpath.JSONPathNodeList && value.nodes.length === 1
    ? value.nodes[0]!.value
    : value;
}

function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d !== 0) return d;
  }
}

/**
 * Every ordering comparison in the query, filters within filters included, becomes a
 * CodePointOrdering. The walk follows the query's own objects (segments, selectors,
 * expressions, their operands), not the environment or tokens they point to; it is a stack,
 * not recursion, and the parser's limits bound the tree.
 */
export function orderStringsByCodePoint(query: JsonPathQuery): void {
  const seen = new Set<object>();
  const stack: unknown[] = [query];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item !== "object" || item === null || seen.has(item)) continue;
    seen.add(item);
    if (item instanceof InfixExpression && ORDERING.has(item.operator)) {
      Object.setPrototypeOf(item, CodePointOrdering.prototype);
    }
    for (const [key, value] of Object.entries(item)) {
      if (key !== "environment" && key !== "token") stack.push(value);
    }
  }
}
