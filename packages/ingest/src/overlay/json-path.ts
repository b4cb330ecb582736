import {
  type Comparable,
  type FilterExpression,
  type JsonPathQuery,
  type JsonPathSegment,
  type JsonPathSelector,
  parseJsonPath,
} from "./json-path-syntax.js";

type Container = Record<string, unknown> | unknown[];

/** A node a path selects, with where it sits, so that it can be replaced or removed. */
export interface JsonPathMatch {
  value: unknown;
  /** The object or array holding the node; absent for the document itself (`$`). */
  parent?: Container;
  key?: string | number;
  /** RFC 9535 normalized path: `$['paths']['/cluster/jobs']['get']`. */
  path: string;
}

interface Located {
  value: unknown;
  parent?: Container;
  key?: string | number;
  up?: Located;
}

/**
 * The nodes `path` selects in `document`, in document order, each once.
 *
 * Every segment maps a node list to a node list that holds each location at most once (RFC
 * 9535 would repeat a node that two routes reach; an overlay must not update it twice), and a
 * descendant segment walks each container once. So a query costs at most (segments × nodes of
 * the document × size of a filter), whatever its shape; a cyclic object is walked once.
 *
 * Throws `JsonPathSyntaxError` (with the column) for a path outside the subset.
 */
export function queryJsonPath(document: unknown, path: string | JsonPathQuery): JsonPathMatch[] {
  const query = typeof path === "string" ? parseJsonPath(path) : path;
  let nodes: Located[] = [{ value: document }];
  for (const segment of query.segments) nodes = step(nodes, segment, document);
  return nodes.map((n) => {
    const match = { value: n.value } as JsonPathMatch;
    if (n.parent !== undefined) {
      match.parent = n.parent;
      match.key = n.key;
    }
    // On demand: a path is as long as the node is deep, and most callers never read it.
    let path: string | undefined;
    Object.defineProperty(match, "path", {
      get: () => (path ??= normalizedPath(n)),
      enumerable: true,
    });
    return match;
  });
}

function step(nodes: readonly Located[], segment: JsonPathSegment, root: unknown): Located[] {
  const out: Located[] = [];
  const seen = new Map<Container, Set<string | number>>();
  const emit = (node: Located): void => {
    const keys = seen.get(node.parent!) ?? new Set();
    if (keys.has(node.key!)) return;
    keys.add(node.key!);
    seen.set(node.parent!, keys);
    out.push(node);
  };
  const inputs = segment.descendant ? descendantsOrSelf(nodes) : nodes;
  for (const node of inputs) select(node, segment.selector, root, emit);
  return out;
}

/** Each node and everything under it, containers only (only they have children to select). */
function descendantsOrSelf(nodes: readonly Located[]): Located[] {
  const out: Located[] = [];
  const walked = new Set<Container>();
  for (const start of nodes) {
    const stack: Located[] = [start];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (!isContainer(node.value) || walked.has(node.value)) continue;
      walked.add(node.value);
      out.push(node);
      const kids = children(node);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  return out;
}

function select(
  node: Located,
  selector: JsonPathSelector,
  root: unknown,
  emit: (node: Located) => void,
): void {
  const value = node.value;
  switch (selector.kind) {
    case "name":
      if (isObject(value) && Object.hasOwn(value, selector.name)) {
        emit({ value: value[selector.name], parent: value, key: selector.name, up: node });
      }
      return;
    case "index": {
      if (!Array.isArray(value)) return;
      const i = selector.index < 0 ? value.length + selector.index : selector.index;
      if (i >= 0 && i < value.length) emit({ value: value[i], parent: value, key: i, up: node });
      return;
    }
    case "wildcard":
      for (const child of children(node)) emit(child);
      return;
    case "filter":
      for (const child of children(node)) {
        if (test(selector.test, child.value, root)) emit(child);
      }
      return;
  }
}

function children(node: Located): Located[] {
  const value = node.value;
  if (Array.isArray(value))
    return value.map((v, i) => ({ value: v, parent: value, key: i, up: node }));
  if (isObject(value)) {
    return Object.keys(value).map((k) => ({ value: value[k], parent: value, key: k, up: node }));
  }
  return [];
}

// Filters (RFC 9535 §2.3.5.2). A query that selects nothing is Nothing: equal only to Nothing,
// never ordered.

const NOTHING = Symbol("nothing");

function test(expression: FilterExpression, current: unknown, root: unknown): boolean {
  switch (expression.kind) {
    case "or":
      return expression.items.some((e) => test(e, current, root));
    case "and":
      return expression.items.every((e) => test(e, current, root));
    case "not":
      return !test(expression.test, current, root);
    case "exists":
      return singular(expression.query, current, root) !== NOTHING;
    case "compare": {
      const left = operand(expression.left, current, root);
      const right = operand(expression.right, current, root);
      switch (expression.operator) {
        case "==":
          return equal(left, right);
        case "!=":
          return !equal(left, right);
        case "<":
          return less(left, right);
        case ">":
          return less(right, left);
        case "<=":
          return less(left, right) || equal(left, right);
        case ">=":
          return less(right, left) || equal(left, right);
      }
    }
  }
}

function operand(c: Comparable, current: unknown, root: unknown): unknown {
  return c.kind === "literal" ? c.value : singular(c.query, current, root);
}

/** Filter queries are singular (the parser allows only names and indices in them). */
function singular(query: JsonPathQuery, current: unknown, root: unknown): unknown {
  let value = query.root === "@" ? current : root;
  for (const { selector } of query.segments) {
    if (selector.kind === "name" && isObject(value) && Object.hasOwn(value, selector.name)) {
      value = value[selector.name];
    } else if (selector.kind === "index" && Array.isArray(value)) {
      const i = selector.index < 0 ? value.length + selector.index : selector.index;
      if (i < 0 || i >= value.length) return NOTHING;
      value = value[i];
    } else return NOTHING;
  }
  return value;
}

function equal(a: unknown, b: unknown): boolean {
  if (a === NOTHING || b === NOTHING) return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => equal(item, b[i]))
    );
  }
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return false;
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((k) => Object.hasOwn(b, k) && equal(a[k], b[k]))
    );
  }
  return a === b;
}

function less(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return a < b;
  if (typeof a === "string" && typeof b === "string") return compareCodePoints(a, b) < 0;
  return false;
}

/** RFC 9535 orders strings by Unicode scalar value; `<` on JS strings compares UTF-16 units. */
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

function normalizedPath(node: Located): string {
  const parts: string[] = [];
  for (let n: Located | undefined = node; n?.parent !== undefined; n = n.up) {
    parts.push(typeof n.key === "number" ? `[${n.key}]` : `[${quoteName(n.key!)}]`);
  }
  return `$${parts.reverse().join("")}`;
}

// RFC 9535 §2.7: single quotes, `'` and `\` escaped, control characters as \b \f \n \r \t or \u00XX.
function quoteName(name: string): string {
  const escaped = name.replace(/[\u0000-\u001f'\\]/g, (c) => {
    const named: Record<string, string> = {
      "\b": "\\b",
      "\f": "\\f",
      "\n": "\\n",
      "\r": "\\r",
      "\t": "\\t",
      "'": "\\'",
      "\\": "\\\\",
    };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
  return `'${escaped}'`;
}

function isContainer(v: unknown): v is Container {
  return typeof v === "object" && v !== null;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
