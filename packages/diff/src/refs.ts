import { isObject } from "./json.js";
import type { Json } from "./types.js";

const SCHEMA_PREFIX = "#/components/schemas/";

/** The component a schema `$ref` names (`"#/components/schemas/error"` → `"error"`), if any. */
export function schemaRefName(node: unknown): string | undefined {
  if (!isObject(node) || typeof node.$ref !== "string") return undefined;
  return node.$ref.startsWith(SCHEMA_PREFIX)
    ? decodePointer(node.$ref.slice(SCHEMA_PREFIX.length))
    : undefined;
}

/**
 * Follows local `$ref`s (`#/...`) until a node that is not one. Parameters, request bodies and
 * responses may be shared through `components` too; the diff compares what they mean, not
 * where they are written. A chain that loops, or leads nowhere, resolves to an empty node.
 */
export function resolve(doc: Json, node: unknown): Json {
  const seen = new Set<string>();
  let current = node;
  while (isObject(current) && typeof current.$ref === "string") {
    const ref = current.$ref;
    if (seen.has(ref) || !ref.startsWith("#/")) return {};
    seen.add(ref);
    current = ref
      .slice(2)
      .split("/")
      .map(decodePointer)
      .reduce<unknown>((at, key) => (isObject(at) ? at[key] : undefined), doc);
  }
  return isObject(current) ? current : {};
}

/** JSON Pointer unescaping (RFC 6901). */
function decodePointer(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}
