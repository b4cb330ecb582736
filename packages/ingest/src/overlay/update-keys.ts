import { type Document, type Node, isAlias, isMap, isPair, isScalar, isSeq } from "yaml";

export interface BadKey {
  /** The key, for its line. */
  node: Node;
  message: string;
}

/**
 * The first key under `value` that the spec would not print as written. JSON keys are strings;
 * YAML's may be anything, and the yaml package turns the others into strings its own way: `1.0`
 * into "1", `~` into "", a list into "[ x ]" (with a process warning, not a diagnostic). A plain
 * number or boolean that reads back as written (`200:` under `responses`, `true`) is kept.
 *
 * The walk is a stack, not recursion, and enters each node once (an alias leads to its anchor
 * the first time only), so it is linear in the file whatever its nesting or aliases.
 */
export function findBadUpdateKey(
  value: Node | null | undefined,
  doc: Document,
): BadKey | undefined {
  const entered = new Set<Node>();
  const stack: (Node | null | undefined)[] = [value];
  while (stack.length > 0) {
    const node = resolve(stack.pop(), doc);
    if (!node || entered.has(node)) continue;
    entered.add(node);
    if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i] as Node);
    } else if (isMap(node)) {
      // Keys in file order first, so the key reported is the first bad one in the file.
      const pairs = node.items.filter(isPair);
      for (const pair of pairs) {
        const bad = badKey(resolve(pair.key as Node, doc));
        if (bad) return bad;
      }
      for (let i = pairs.length - 1; i >= 0; i--) stack.push(pairs[i]!.value as Node);
    }
  }
  return undefined;
}

function badKey(key: Node | null | undefined): BadKey | undefined {
  if (isScalar(key)) {
    const v = key.value;
    if (typeof v === "string") return undefined;
    const written = key.source ?? "";
    if ((typeof v === "number" || typeof v === "boolean") && String(v) === written)
      return undefined;
    // What the yaml package would make of it: null is "", anything else its String().
    const asJson = v === null ? "" : String(v);
    return {
      node: key,
      message: `key ${written === "" ? "(empty)" : written} would be ${JSON.stringify(asJson)} in JSON: quote it`,
    };
  }
  const found = isMap(key) ? "a mapping" : isSeq(key) ? "a list" : "nothing";
  return { node: key as Node, message: `expected a string as a key, found ${found}` };
}

function resolve(node: Node | null | undefined, doc: Document): Node | null | undefined {
  return isAlias(node) ? (node.resolve(doc) as Node | undefined) : node;
}
