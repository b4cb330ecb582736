import { mostSevere } from "./classify.js";
import { componentUsage, usageOf } from "./component-usage.js";
import { compareOperation } from "./compare-operation.js";
import { compareSchema } from "./compare-schema.js";
import { asObject, isObject, unionKeys } from "./json.js";
import { listOperations, matchOperations, operationLabel } from "./operations.js";
import type { Bump, Change, DiffResult, Json, Kind, Report } from "./types.js";

const BUMP: Record<Kind, Bump> = { breaking: "major", feature: "minor", fix: "patch" };
const METHOD_ORDER = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * Compares two OpenAPI 3 documents (parsed YAML or JSON) and classifies every change.
 * Throws a TypeError when either is not an object with `paths`.
 */
export function diffSpecs(oldDoc: unknown, newDoc: unknown): DiffResult {
  for (const [doc, which] of [
    [oldDoc, "old"],
    [newDoc, "new"],
  ] as const) {
    if (!isObject(doc) || !isObject(doc.paths))
      throw new TypeError(`${which} document: expected an OpenAPI 3 document with "paths"`);
  }
  const o = oldDoc as Json;
  const n = newDoc as Json;
  const changes: Change[] = [];
  // The sort key of each change's scope: operations by path then method, before components.
  const order = new Map<string, string>();

  const inOperation = (label: string, path: string, method: string): Report => {
    order.set(`op ${label}`, `0 ${path} ${METHOD_ORDER.indexOf(method)}`);
    return (kind, where, what, v = {}) =>
      changes.push({ kind, operation: label, where, what, ...v });
  };

  const { pairs, removed, added } = matchOperations(listOperations(o), listOperations(n));
  for (const op of removed)
    inOperation(operationLabel(op), op.path, op.method)(
      "breaking",
      "operation",
      "operation removed",
    );
  for (const op of added)
    inOperation(operationLabel(op), op.path, op.method)("feature", "operation", "operation added");
  for (const [a, b] of pairs) {
    // A matched operation is named as it is now; a rename shows in its changes.
    const report = inOperation(operationLabel(b), b.path, b.method);
    compareOperation({ oldDoc: o, newDoc: n, report }, a, b);
  }

  const oldSchemas = asObject(asObject(o.components).schemas);
  const newSchemas = asObject(asObject(n.components).schemas);
  const oldUsage = componentUsage(o);
  const newUsage = componentUsage(n);
  for (const name of unionKeys(Object.keys(oldSchemas), Object.keys(newSchemas))) {
    const report: Report = (kind, where, what, v = {}) =>
      changes.push({ kind, component: name, where, what, ...v });
    // Components are exported as types (`components["schemas"]["error"]`): removing one breaks
    // code that names it, even when no operation refers to it any more.
    if (!Object.hasOwn(newSchemas, name)) report("breaking", "schema", "component removed");
    else if (!Object.hasOwn(oldSchemas, name)) report("feature", "schema", "component added");
    else {
      const usage = usageOf(name, oldUsage, newUsage);
      compareSchema(
        { oldDoc: o, newDoc: n, report, usage },
        oldSchemas[name],
        newSchemas[name],
        "",
      );
    }
  }

  const scopeKey = (c: Change) =>
    c.operation !== undefined ? order.get(`op ${c.operation}`)! : `1 ${c.component}`;
  const sorted = changes
    .map(normalize)
    .sort(
      (a, b) =>
        compare(scopeKey(a), scopeKey(b)) ||
        compare(a.where, b.where) ||
        compare(a.what, b.what) ||
        compare(JSON.stringify(a), JSON.stringify(b)),
    );
  const summary: Record<Kind, number> = { breaking: 0, feature: 0, fix: 0 };
  for (const c of sorted) summary[c.kind]++;
  const worst = mostSevere(sorted.map((c) => c.kind));
  return { changes: sorted, summary, bump: worst ? BUMP[worst] : "none" };
}

/** A fixed key order, so that `JSON.stringify` of a result is byte-stable. */
function normalize(c: Change): Change {
  return {
    kind: c.kind,
    ...(c.operation !== undefined ? { operation: c.operation } : {}),
    ...(c.component !== undefined ? { component: c.component } : {}),
    where: c.where,
    what: c.what,
    ...(c.old !== undefined ? { old: c.old } : {}),
    ...(c.new !== undefined ? { new: c.new } : {}),
  };
}

/** Code-unit order, not the locale's: the same on every machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
