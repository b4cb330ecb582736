import { asObject, isObject } from "./json.js";
import { listOperations } from "./operations.js";
import { resolve, schemaRefName } from "./refs.js";
import type { Json, Usage } from "./types.js";

/**
 * Which component schemas a document's requests (parameters, request bodies) and responses
 * reach, through any number of `$ref`s. A component is compared once, on its own, so the
 * direction it is used in decides whether a property becoming required (or optional) breaks.
 */
export function componentUsage(doc: Json): Map<string, Usage> {
  const usage = new Map<string, Usage>();
  const schemas = asObject(asObject(doc.components).schemas);
  const mark = (root: unknown, side: keyof Usage) => {
    const todo: unknown[] = [root];
    const seen = new Set<unknown>();
    while (todo.length) {
      const node = todo.pop();
      if (seen.has(node) || (typeof node !== "object" && !Array.isArray(node)) || node === null)
        continue;
      seen.add(node);
      const name = schemaRefName(node);
      if (name !== undefined) {
        const u = usage.get(name) ?? { request: false, response: false };
        if (u[side]) continue; // already walked from here
        u[side] = true;
        usage.set(name, u);
        todo.push(schemas[name]);
        continue;
      }
      // Shared parameters, bodies and responses under components are followed too.
      const target = isObject(node) && typeof node.$ref === "string" ? resolve(doc, node) : node;
      todo.push(...(Array.isArray(target) ? target : Object.values(target as object)));
    }
  };
  for (const op of listOperations(doc)) {
    mark(op.parameters, "request");
    mark(op.operation.requestBody, "request");
    mark(op.operation.responses, "response");
  }
  return usage;
}

/**
 * A component's usage in either document. One that no operation uses is taken as used both
 * ways: nothing says which rule is safe, so the stricter answer is given.
 */
export function usageOf(name: string, old: Map<string, Usage>, now: Map<string, Usage>): Usage {
  const a = old.get(name);
  const b = now.get(name);
  if (!a && !b) return { request: true, response: true };
  return {
    request: Boolean(a?.request || b?.request),
    response: Boolean(a?.response || b?.response),
  };
}
