import { compareContent } from "./compare-content.js";
import { compareDocs, compareRest, values } from "./compare-docs.js";
import { compareParameters } from "./compare-parameters.js";
import { compareResponses } from "./compare-responses.js";
import type { SchemaContext } from "./compare-schema.js";
import { pathParameterNames, pathShape } from "./path-shape.js";
import { resolve } from "./refs.js";
import type { Json } from "./types.js";

const HANDLED = new Set(["parameters", "requestBody", "responses", "operationId", "deprecated"]);
const REQUEST = { request: true, response: false };

/** One operation as found in a document: its path template, method, and the parameters it gets. */
export interface OperationAt {
  path: string;
  method: string;
  operation: Json;
  /** The path item's parameters overlaid with the operation's own (the operation's win). */
  parameters: unknown[];
}

/** Compares two operations the caller has matched (same path shape and method, or same operationId). */
export function compareOperation(
  ctx: Omit<SchemaContext, "usage">,
  o: OperationAt,
  n: OperationAt,
): void {
  const { report } = ctx;
  if (o.path !== n.path && pathShape(o.path) !== pathShape(n.path))
    report("breaking", "operation", "path changed", values(o.path, n.path));
  if (o.operation.operationId !== n.operation.operationId)
    report(
      "breaking", // generated clients name their methods after it
      "operation",
      "operationId changed",
      values(o.operation.operationId, n.operation.operationId),
    );
  if (Boolean(o.operation.deprecated) !== Boolean(n.operation.deprecated))
    report("feature", "operation", n.operation.deprecated ? "deprecated" : "no longer deprecated");
  compareDocs(report, "operation", o.operation, n.operation);
  compareRest(report, "operation", o.operation, n.operation, HANDLED); // security, servers…

  compareParameters(ctx, o.parameters, n.parameters, pathRenames(o.path, n.path));
  compareRequestBody(ctx, o.operation.requestBody, n.operation.requestBody);
  compareResponses(ctx, o.operation.responses, n.operation.responses);
}

/** Path parameters at the same position under different names, when the paths have one shape. */
function pathRenames(oldPath: string, newPath: string): Map<string, string> {
  const renames = new Map<string, string>();
  if (pathShape(oldPath) !== pathShape(newPath)) return renames;
  const a = pathParameterNames(oldPath);
  const b = pathParameterNames(newPath);
  a.forEach((name, i) => {
    if (name !== b[i]) renames.set(name, b[i]!);
  });
  return renames;
}

function compareRequestBody(
  ctx: Omit<SchemaContext, "usage">,
  oldBody: unknown,
  newBody: unknown,
): void {
  const where = "request body";
  if (oldBody === undefined && newBody === undefined) return;
  const n = resolve(ctx.newDoc, newBody);
  if (oldBody === undefined) {
    const required = n.required === true;
    ctx.report(
      required ? "breaking" : "feature",
      where,
      required ? "required request body added" : "optional request body added",
    );
    return;
  }
  if (newBody === undefined) return ctx.report("breaking", where, "request body removed");
  const o = resolve(ctx.oldDoc, oldBody);
  if (o.required !== true && n.required === true)
    ctx.report("breaking", where, "request body now required");
  if (o.required === true && n.required !== true)
    ctx.report("feature", where, "request body now optional");
  compareDocs(ctx.report, where, o, n);
  compareContent({ ...ctx, usage: REQUEST }, o, n, where);
  compareRest(ctx.report, where, o, n, new Set(["content", "required"]));
}
