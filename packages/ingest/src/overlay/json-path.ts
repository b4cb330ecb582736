/**
 * Evaluating a JSONPath for an overlay: json-p3 selects, this module walks.
 *
 * Every selector (names, indices, slices, wildcards, filters with their functions) is
 * json-p3's, applied to one node at a time. What is ours is what Overlay 1.0 needs and an
 * RFC 9535 library does not give:
 * - the parent and key of each match, for `remove` and for replacing a scalar (json-p3 gives a
 *   value and its location; the place tree below keeps the containers on the way);
 * - each place once: RFC 9535 repeats a node that two routes reach (`$..*..x`, `[0,0]`), and an
 *   overlay must not update it twice. Deduplicating between segments is also what keeps
 *   `$..*..*..*…` linear per segment; evaluated as the RFC states it, its node list grows
 *   combinatorially with the number of descendant segments;
 * - the descendant segment's walk (`..`), which visits each place once and each container of
 *   a cyclic object once, iteratively: json-p3's walk recurses per level and follows every
 *   route, so it stops at a recursion limit on a deep document and never ends on a cycle.
 */
import { JSONPathNode, TokenKind } from "json-p3";
import {
  type JsonPathQuery,
  JsonPathSyntaxError,
  parseJsonPath,
  toSyntaxError,
} from "./json-path-syntax.js";

type Container = Record<string, unknown> | unknown[];
type JSONPathSegment = JsonPathQuery["segments"][number];

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
 * each. Every segment maps a node list to a node list that holds each place at most once, and
 * a descendant segment walks each place once. So the segments cost at most (segments × places
 * in the document as printed × the cost of a selector on one node), whatever their shape; a
 * filter's own queries cost what they select (`@..x` walks the node's subtree). A cyclic object
 * has no end of places (it cannot be printed): there a descendant segment walks each container
 * once, and a filter that descends (`[?@..x]`) is refused.
 *
 * Throws `JsonPathSyntaxError` (with the column) for a path that is not RFC 9535 JSONPath.
 */
export function queryJsonPath(document: unknown, path: string | JsonPathQuery): JsonPathMatch[] {
  const query = typeof path === "string" ? parseJsonPath(path) : path;
  const root = document as ConstructorParameters<typeof JSONPathNode>[0];
  let nodes: Located[] = [{ value: document }];
  // Only descending can walk into a cycle; the check is one more walk, paid once.
  const descends = query.segments.some((s) => isDescendant(s) || filterDescends(s));
  const cyclic = descends && hasCycle(document);
  if (cyclic) {
    const filter = query.segments.flatMap((s) => s.selectors).find((s) => descendsIn(s.toString()));
    if (filter) {
      throw new JsonPathSyntaxError(
        filter.token.index + 1,
        "a filter that descends (..) cannot be evaluated on an object that contains itself",
      );
    }
  }
  try {
    for (const segment of query.segments) nodes = step(nodes, segment, root, cyclic);
  } catch (e) {
    throw toSyntaxError(e);
  }
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
    let normalized: string | undefined;
    Object.defineProperty(match, "path", {
      get: () => (normalized ??= normalizedPath(n, root)),
      enumerable: true,
    });
    return match;
  });
}

function isDescendant(segment: JSONPathSegment): boolean {
  return segment.token.kind === TokenKind.DDOT;
}

function filterDescends(segment: JSONPathSegment): boolean {
  return segment.selectors.some((s) => descendsIn(s.toString()));
}

/** A filter selector whose text (json-p3's canonical form) holds `..` outside its strings. */
function descendsIn(selector: string): boolean {
  return selector.startsWith("?") && selector.replace(/'(?:[^'\\]|\\.)*'/g, "''").includes("..");
}

function step(
  nodes: readonly Located[],
  segment: JSONPathSegment,
  root: JSONPathNode["root"],
  cyclic: boolean,
): Located[] {
  const out: Located[] = [];
  const seen = new Set<Located>();
  const inputs = isDescendant(segment) ? descendantsOrSelf(nodes, cyclic) : nodes;
  for (const node of inputs) {
    // json-p3 selects among the node's children; it is given an empty location, so each
    // match's location is just its key (no copy of the path per match), and the place is ours.
    const at = new JSONPathNode(node.value as JSONPathNode["value"], [], root);
    for (const selector of segment.selectors) {
      for (const selected of selector.resolve(at)) {
        const place = child(node, selected.location[0]!);
        if (seen.has(place)) continue;
        seen.add(place);
        out.push(place);
      }
    }
  }
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

function children(node: Located): Located[] {
  const value = node.value;
  if (Array.isArray(value)) return value.map((_, i) => child(node, i));
  if (isContainer(value)) return Object.keys(value).map((k) => child(node, k));
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

/** json-p3 writes the normalized path (RFC 9535 §2.7) from the keys on the way down. */
function normalizedPath(node: Located, root: JSONPathNode["root"]): string {
  const keys: (string | number)[] = [];
  for (let n: Located | undefined = node; n?.parent !== undefined; n = n.up) keys.push(n.key!);
  return new JSONPathNode(null, keys.reverse(), root).getPath({ form: "canonical" });
}

function isContainer(v: unknown): v is Container {
  return typeof v === "object" && v !== null;
}
