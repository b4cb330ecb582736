import { asObject, isObject } from "./json.js";
import type { OperationAt } from "./compare-operation.js";
import { pathShape } from "./path-shape.js";
import { resolve } from "./refs.js";
import type { Json } from "./types.js";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** Every operation of a document, in path then method order. */
export function listOperations(doc: Json): OperationAt[] {
  const out: OperationAt[] = [];
  const paths = asObject(doc.paths);
  for (const path of Object.keys(paths).sort()) {
    const item = resolve(doc, paths[path]);
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of METHODS) {
      if (!isObject(item[method])) continue;
      const operation = item[method];
      const own = Array.isArray(operation.parameters) ? operation.parameters : [];
      out.push({ path, method, operation, parameters: overlay(doc, shared, own) });
    }
  }
  return out;
}

/** OpenAPI: an operation's parameter replaces the path item's one with the same name and place. */
function overlay(doc: Json, shared: unknown[], own: unknown[]): unknown[] {
  const key = (p: unknown) => {
    const r = resolve(doc, p);
    return `${String(r.in)}:${String(r.name)}`;
  };
  const ownKeys = new Set(own.map(key));
  return [...shared.filter((p) => !ownKeys.has(key(p))), ...own];
}

/** How an operation is named in the output: `POST /security/azure-key-vaults/{uuid}/rekey-internal`. */
export function operationLabel(op: OperationAt): string {
  return `${op.method.toUpperCase()} ${op.path}`;
}

export interface OperationMatch {
  pairs: [OperationAt, OperationAt][];
  removed: OperationAt[];
  added: OperationAt[];
}

/**
 * Pairs the operations of two documents. First by method and path shape (parameter names
 * blanked), so a renamed path parameter leaves the operation matched; then, among those left,
 * by operationId, so an operation whose path changed is reported as moved, not as one removed
 * and another added.
 */
export function matchOperations(olds: OperationAt[], news: OperationAt[]): OperationMatch {
  const key = (op: OperationAt) => `${op.method} ${pathShape(op.path)}`;
  const newByKey = new Map<string, OperationAt>();
  for (const op of news) if (!newByKey.has(key(op))) newByKey.set(key(op), op);
  const pairs: [OperationAt, OperationAt][] = [];
  const used = new Set<OperationAt>();
  let removed: OperationAt[] = [];
  for (const op of olds) {
    const match = newByKey.get(key(op));
    if (match && !used.has(match)) {
      pairs.push([op, match]);
      used.add(match);
    } else removed.push(op);
  }
  let added = news.filter((op) => !used.has(op));

  const id = (op: OperationAt) =>
    typeof op.operation.operationId === "string" ? op.operation.operationId : undefined;
  const addedById = new Map<string, OperationAt>();
  for (const op of added) if (id(op) && !addedById.has(id(op)!)) addedById.set(id(op)!, op);
  removed = removed.filter((op) => {
    const match = id(op) ? addedById.get(id(op)!) : undefined;
    if (!match || used.has(match)) return true;
    pairs.push([op, match]);
    used.add(match);
    return false;
  });
  added = added.filter((op) => !used.has(op));
  return { pairs, removed, added };
}
