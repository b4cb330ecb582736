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
  /**
   * The places under this one, each made once per query (see `child`): a place two routes
   * reach is then one object, and selecting it once is a set lookup.
   */
  kids?: Map<string | number, Located>;
}

/**
 * The nodes `path` selects in `document`, in document order, each once.
 *
 * A node is a place in the document: an object the document holds in two places (the ingester
 * may reuse one) is printed in both, so it is selected in both, with the parent and key of
 * each. Every segment maps a node list to a node list that holds each place at most once (RFC
 * 9535 would repeat a node that two routes reach; an overlay must not update it twice), and a
 * descendant segment walks each place once. So a query costs at most (segments × places in
 * the document as printed × size of a filter), whatever its shape. A cyclic object has no end
 * of places (it cannot be printed): there a descendant segment walks each container once.
 *
 * Throws `JsonPathSyntaxError` (with the column) for a path outside the subset.
 */
export function queryJsonPath(document: unknown, path: string | JsonPathQuery): JsonPathMatch[] {
  const query = typeof path === "string" ? parseJsonPath(path) : path;
  let nodes: Located[] = [{ value: document }];
  // Only a descendant segment can walk into a cycle; the check is one more walk, paid once.
  const cyclic = query.segments.some((s) => s.descendant) && hasCycle(document);
  for (const segment of query.segments) nodes = step(nodes, segment, document, cyclic);
  // The matches keep their ancestors (for `path`), which would keep every place the query
  // made through the caches; those served the query only. Each ancestor is cleared once.
  for (const n of nodes) {
    n.kids = undefined;
    for (let u = n.up; u?.kids !== undefined; u = u.up) u.kids = undefined;
  }
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

function step(
  nodes: readonly Located[],
  segment: JsonPathSegment,
  root: unknown,
  cyclic: boolean,
): Located[] {
  const out: Located[] = [];
  const seen = new Set<Located>();
  const emit = (node: Located): void => {
    if (seen.has(node)) return;
    seen.add(node);
    out.push(node);
  };
  const inputs = segment.descendant ? descendantsOrSelf(nodes, cyclic) : nodes;
  for (const node of inputs) select(node, segment.selector, root, emit);
  return out;
}

/**
 * Each node and everything under it, containers only (only they have children to select). A
 * place under an earlier start node was walked with it and is not walked again. In a cyclic
 * object the places never end, so there each container is walked once, wherever it is first met.
 */
function descendantsOrSelf(nodes: readonly Located[], cyclic: boolean): Located[] {
  const out: Located[] = [];
  const walked = new Set<Located | Container>();
  for (const start of nodes) {
    const stack: Located[] = [start];
    while (stack.length > 0) {
      const node = stack.pop()!;
      const value = node.value;
      if (!isContainer(value)) continue;
      const mark = cyclic ? value : node;
      if (walked.has(mark)) continue;
      walked.add(mark);
      out.push(node);
      const kids = children(node);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  return out;
}

/**
 * Whether a container holds itself, at any depth: one depth-first walk over the containers,
 * each entered once. A `Leave` sits under a container's children on the stack; popping it means
 * they are all done, so the containers entered and not yet left are the route to here.
 */
function hasCycle(document: unknown): boolean {
  const route = new Set<Container>();
  const done = new Set<Container>();
  const stack: (Container | Leave)[] = isContainer(document) ? [document] : [];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item instanceof Leave) {
      route.delete(item.container);
      done.add(item.container);
      continue;
    }
    if (route.has(item)) return true;
    if (done.has(item)) continue;
    route.add(item);
    stack.push(new Leave(item));
    for (const v of Object.values(item)) if (isContainer(v)) stack.push(v);
  }
  return false;
}

/** A stack entry no document value can be mistaken for. */
class Leave {
  constructor(readonly container: Container) {}
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
      if (isObject(value) && Object.hasOwn(value, selector.name)) emit(child(node, selector.name));
      return;
    case "index": {
      if (!Array.isArray(value)) return;
      const i = selector.index < 0 ? value.length + selector.index : selector.index;
      if (i >= 0 && i < value.length) emit(child(node, i));
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
  if (Array.isArray(value)) return value.map((_, i) => child(node, i));
  if (isObject(value)) return Object.keys(value).map((k) => child(node, k));
  return [];
}

/**
 * The place under `node` at `key` (an existing member or element), always the same object for
 * the same place: deduplication compares places, not values, since one value may sit in several.
 */
function child(node: Located, key: string | number): Located {
  node.kids ??= new Map();
  let kid = node.kids.get(key);
  if (kid === undefined) {
    const parent = node.value as Container;
    kid = { value: (parent as Record<string | number, unknown>)[key], parent, key, up: node };
    node.kids.set(key, kid);
  }
  return kid;
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
