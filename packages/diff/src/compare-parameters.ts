import { compareDocs, compareRest } from "./compare-docs.js";
import { compareSchema, type SchemaContext } from "./compare-schema.js";
import { asObject, deepEqual, unionKeys } from "./json.js";
import { resolve } from "./refs.js";
import type { Json } from "./types.js";

const HANDLED = new Set(["name", "in", "required", "schema", "content", "deprecated"]);
const REQUEST = { request: true, response: false };

/** A parameter is identified by where it goes and its name (`query:fields`). */
function byKey(doc: Json, list: unknown[]): Map<string, Json> {
  const map = new Map<string, Json>();
  for (const p of list) {
    const param = resolve(doc, p);
    if (typeof param.name === "string" && typeof param.in === "string")
      map.set(`${param.in}:${param.name}`, param);
  }
  return map;
}

/**
 * Compares the parameters of two matched operations. `renames` maps an old path parameter's
 * name to the new one at the same position in the path: such a pair is one parameter,
 * renamed, not one removed and another added.
 */
export function compareParameters(
  ctx: Omit<SchemaContext, "usage">,
  oldList: unknown[],
  newList: unknown[],
  renames: ReadonlyMap<string, string>,
): void {
  const { report } = ctx;
  const olds = byKey(ctx.oldDoc, oldList);
  const news = byKey(ctx.newDoc, newList);
  // Re-key renamed path parameters under their new name, after reporting the rename.
  for (const [from, to] of renames) {
    const param = olds.get(`path:${from}`);
    report("breaking", `path parameter {${from}}`, "path parameter renamed", {
      old: from,
      new: to,
    });
    if (!param) continue;
    olds.delete(`path:${from}`);
    olds.set(`path:${to}`, param);
  }
  for (const key of unionKeys(olds.keys(), news.keys())) {
    const o = olds.get(key);
    const n = news.get(key);
    const [place, ...rest] = key.split(":");
    const name = rest.join(":");
    const where = place === "path" ? `path parameter {${name}}` : `${place} parameter ${name}`;
    if (!n) report("breaking", where, "parameter removed");
    else if (!o)
      report(
        n.required === true ? "breaking" : "feature",
        where,
        n.required === true ? "required parameter added" : "optional parameter added",
      );
    else compareParameter({ ...ctx, usage: REQUEST }, o, n, where);
  }
}

function compareParameter(ctx: SchemaContext, o: Json, n: Json, where: string): void {
  const { report } = ctx;
  if (o.required !== true && n.required === true)
    report("breaking", where, "parameter now required");
  if (o.required === true && n.required !== true)
    report("feature", where, "parameter now optional");
  if (Boolean(o.deprecated) !== Boolean(n.deprecated))
    report("feature", where, n.deprecated ? "deprecated" : "no longer deprecated");
  compareDocs(report, where, o, n);
  compareSchema(ctx, o.schema, n.schema, where);
  if (!deepEqual(o.content, n.content)) {
    // Parameters described by `content` instead of `schema` are rare; compare each media type.
    const oc = asObject(o.content);
    const nc = asObject(n.content);
    for (const media of unionKeys(Object.keys(oc), Object.keys(nc)))
      compareSchema(
        ctx,
        asObject(oc[media]).schema,
        asObject(nc[media]).schema,
        `${where} ${media}`,
      );
  }
  // style, explode, allowReserved…: they change how the value is written on the wire.
  compareRest(report, where, o, n, HANDLED);
}
