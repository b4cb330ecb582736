import { compareContent } from "./compare-content.js";
import { compareDocs, compareRest, values } from "./compare-docs.js";
import type { SchemaContext } from "./compare-schema.js";
import { asObject, unionKeys } from "./json.js";
import { resolve } from "./refs.js";
import type { Json, Report } from "./types.js";

const HANDLED = new Set(["content", "x-ntap-error-codes"]);
const RESPONSE = { request: false, response: true };

/**
 * Compares the responses of two matched operations, status by status. A status the operation
 * no longer answers with is breaking (clients that handle it never see it again, and typed
 * clients lose its type); a new one is a feature.
 */
export function compareResponses(
  ctx: Omit<SchemaContext, "usage">,
  oldResponses: unknown,
  newResponses: unknown,
): void {
  const or = asObject(oldResponses);
  const nr = asObject(newResponses);
  for (const status of unionKeys(Object.keys(or), Object.keys(nr))) {
    const where = `response ${status}`;
    if (!Object.hasOwn(nr, status)) ctx.report("breaking", where, "response removed");
    else if (!Object.hasOwn(or, status)) ctx.report("feature", where, "response added");
    else {
      const o = resolve(ctx.oldDoc, or[status]);
      const n = resolve(ctx.newDoc, nr[status]);
      compareDocs(ctx.report, where, o, n);
      compareContent({ ...ctx, usage: RESPONSE }, o, n, where);
      compareErrorCodes(ctx.report, where, o, n);
      compareRest(ctx.report, where, o, n, HANDLED); // headers, links
    }
  }
}

interface ErrorCode {
  code: string;
  description?: unknown;
}

function errorCodes(response: Json): Map<string, ErrorCode> {
  const list = Array.isArray(response["x-ntap-error-codes"]) ? response["x-ntap-error-codes"] : [];
  const map = new Map<string, ErrorCode>();
  for (const item of list) {
    const entry = asObject(item);
    if (entry.code !== undefined)
      map.set(String(entry.code), { code: String(entry.code), description: entry.description });
  }
  return map;
}

/**
 * The documented ONTAP error codes (`x-ntap-error-codes`, on the default response). A new code
 * is a feature (the errors catalog gains an entry); a code that is no longer documented is
 * breaking, since code that checks for it by name (`isOntapError(e, "65537120")`) stops
 * type-checking; a reworded description is a fix.
 */
function compareErrorCodes(report: Report, where: string, o: Json, n: Json): void {
  const oc = errorCodes(o);
  const nc = errorCodes(n);
  for (const code of unionKeys(oc.keys(), nc.keys())) {
    const a = oc.get(code);
    const b = nc.get(code);
    const at = `${where}: error ${code}`;
    if (!b) report("breaking", at, "error code removed", { old: a!.description });
    else if (!a) report("feature", at, "error code added", { new: b.description });
    else if (a.description !== b.description)
      report("fix", at, "error description changed", values(a.description, b.description));
  }
}
