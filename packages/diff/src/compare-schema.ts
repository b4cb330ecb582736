import { byUsage } from "./classify.js";
import { compareDocs, compareRest, values } from "./compare-docs.js";
import { asObject, deepEqual, unionKeys } from "./json.js";
import { resolve, schemaRefName } from "./refs.js";
import type { Json, Report, Usage } from "./types.js";

export interface SchemaContext {
  oldDoc: Json;
  newDoc: Json;
  report: Report;
  usage: Usage;
  /** The (old, new) schema pairs being compared on the way here: the cycle guard. */
  stack?: [Json, Json][];
}

/** Raising one of these narrows what is accepted; lowering it, or dropping it, widens. */
const LOWER_BOUNDS = ["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"];
/** Lowering one of these narrows; raising or dropping it widens. */
const UPPER_BOUNDS = ["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"];
/** Constraints a value must match: adding or changing one narrows, dropping it widens. */
const MATCHES = ["format", "pattern", "const", "multipleOf"];
/** Flags that take a property away from one direction when they appear. */
const FLAGS: Record<string, string> = {
  readOnly: "read-only (can no longer be sent)",
  writeOnly: "write-only (no longer returned)",
  "x-ntap-advanced": "advanced (returned only when asked for in fields)",
};
const COMBINERS = ["allOf", "anyOf", "oneOf"];

const HANDLED = new Set([
  "$ref",
  "type",
  "nullable",
  "enum",
  "default",
  "deprecated",
  "properties",
  "required",
  "items",
  "additionalProperties",
  ...LOWER_BOUNDS,
  ...UPPER_BOUNDS,
  ...MATCHES,
  ...Object.keys(FLAGS),
  ...COMBINERS,
]);

/**
 * Compares two schemas. `base` names the body or component (`response 200 application/json`),
 * `path` the place inside it (`records[].svm.uuid`).
 *
 * `$ref`s are followed, so that an inline shape and a component of the same shape compare
 * equal (9.9.1 prints rekey-internal's 202 body inline, later releases refer to `job_link`).
 * Two `$ref`s to the same component stop here: that component is compared once, on its own,
 * and its changes are reported there rather than at every operation that uses it.
 */
export function compareSchema(
  ctx: SchemaContext,
  oldSchema: unknown,
  newSchema: unknown,
  base: string,
  path = "",
): void {
  const oldName = schemaRefName(oldSchema);
  if (oldName !== undefined && oldName === schemaRefName(newSchema)) return;
  const o = resolve(ctx.oldDoc, oldSchema);
  const n = resolve(ctx.newDoc, newSchema);
  // A recursive schema (a tree node whose children are tree nodes) would recurse forever.
  const stack = ctx.stack ?? [];
  if (stack.some(([a, b]) => a === o && b === n)) return;
  stack.push([o, n]);
  const inner = { ...ctx, stack };
  try {
    compareNode(inner, o, n, base, path);
  } finally {
    stack.pop();
  }
}

function compareNode(ctx: SchemaContext, o: Json, n: Json, base: string, path: string): void {
  const where = locate(base, path);
  const { report } = ctx;
  compareDocs(report, where, o, n);
  compareTypes(report, where, o, n);
  compareEnum(report, where, o, n);
  compareBounds(report, where, o, n);

  for (const key of MATCHES) {
    if (deepEqual(o[key], n[key])) continue;
    const kind = n[key] === undefined ? "feature" : "breaking";
    report(
      kind,
      where,
      n[key] === undefined ? `${key} removed` : `${key} changed`,
      values(o[key], n[key]),
    );
  }
  if (!deepEqual(o.default, n.default)) {
    // A changed default changes what the server does for callers who leave the value out;
    // a default that is only now written down (or no longer is) documents existing behavior.
    const changed = o.default !== undefined && n.default !== undefined;
    report(
      changed ? "breaking" : "fix",
      where,
      changed ? "default changed" : "default documented",
      values(o.default, n.default),
    );
  }
  for (const [flag, meaning] of Object.entries(FLAGS)) {
    if (Boolean(o[flag]) === Boolean(n[flag])) continue;
    report(
      n[flag] ? "breaking" : "feature",
      where,
      n[flag] ? `now ${meaning}` : `no longer ${flag}`,
    );
  }
  if (Boolean(o.deprecated) !== Boolean(n.deprecated))
    report("feature", where, n.deprecated ? "deprecated" : "no longer deprecated");

  compareProperties(ctx, o, n, base, path);
  if (o.items !== undefined || n.items !== undefined)
    compareSchema(ctx, o.items, n.items, base, `${path}[]`);
  compareAdditional(ctx, o, n, base, path);
  compareCombiners(ctx, o, n, base, path);
  compareRest(report, where, o, n, HANDLED);
}

export function locate(base: string, path: string): string {
  if (!path) return base || "schema";
  return base ? `${base}: ${path}` : path;
}

/** The JSON types a schema allows; `undefined` when it does not say (any type). */
function typesOf(s: Json): Set<string> | undefined {
  const t = s.type;
  const list =
    typeof t === "string" ? [t] : Array.isArray(t) ? t.filter((x) => typeof x === "string") : [];
  if (list.length === 0) return undefined;
  if (s.nullable === true) list.push("null"); // OpenAPI 3.0's way of writing `type: [x, "null"]`
  return new Set(list);
}

/** `number` includes `integer`: integer → number widens, number → integer narrows. */
function allows(types: Set<string>, t: string): boolean {
  return types.has(t) || (t === "integer" && types.has("number"));
}

function compareTypes(report: Report, where: string, o: Json, n: Json): void {
  const ot = typesOf(o);
  const nt = typesOf(n);
  if (!ot && !nt) return;
  const show = values(o.type, n.type);
  if (!ot) return report("breaking", where, "type narrowed", show);
  if (!nt) return report("feature", where, "type widened", show);
  const lost = [...ot].filter((t) => !allows(nt, t));
  const gained = [...nt].filter((t) => !allows(ot, t));
  if (lost.length && gained.length) report("breaking", where, "type changed", show);
  else if (lost.length) report("breaking", where, "type narrowed", show);
  else if (gained.length) report("feature", where, "type widened", show);
}

function compareEnum(report: Report, where: string, o: Json, n: Json): void {
  const oe = Array.isArray(o.enum) ? o.enum : undefined;
  const ne = Array.isArray(n.enum) ? n.enum : undefined;
  if (!oe && !ne) return;
  if (!oe) return report("breaking", where, "enum added (values restricted)", { new: ne });
  if (!ne) return report("feature", where, "enum removed (any value allowed)", { old: oe });
  const has = (list: unknown[], v: unknown) => list.some((x) => deepEqual(x, v));
  for (const v of oe) if (!has(ne, v)) report("breaking", where, "enum value removed", { old: v });
  for (const v of ne) if (!has(oe, v)) report("feature", where, "enum value added", { new: v });
}

function compareBounds(report: Report, where: string, o: Json, n: Json): void {
  for (const key of [...LOWER_BOUNDS, ...UPPER_BOUNDS]) {
    const a = o[key];
    const b = n[key];
    if (deepEqual(a, b)) continue;
    const lower = LOWER_BOUNDS.includes(key);
    const narrowed =
      typeof a === "number" && typeof b === "number"
        ? lower
          ? b > a
          : b < a
        : a === undefined
          ? true
          : b === undefined
            ? false
            : true; // OpenAPI 3.0's boolean exclusiveMinimum and the like: any change may narrow
    report(
      narrowed ? "breaking" : "feature",
      where,
      `${key} ${narrowed ? "narrowed" : "widened"}`,
      values(a, b),
    );
  }
}

function requiredOf(s: Json): Set<string> {
  return new Set(Array.isArray(s.required) ? s.required.filter((x) => typeof x === "string") : []);
}

function compareProperties(ctx: SchemaContext, o: Json, n: Json, base: string, path: string): void {
  const { report, usage } = ctx;
  const op = asObject(o.properties);
  const np = asObject(n.properties);
  const or = requiredOf(o);
  const nr = requiredOf(n);
  // Names listed as required without a property schema (`anyOf: [{required: [a]}, ...]`) count too.
  for (const name of unionKeys([...Object.keys(op), ...or], [...Object.keys(np), ...nr])) {
    const child = path ? `${path}.${name}` : name;
    const where = locate(base, child);
    const inOld = Object.hasOwn(op, name);
    const inNew = Object.hasOwn(np, name);
    if (inOld && !inNew) {
      report("breaking", where, "property removed");
      continue;
    }
    if (!inOld && inNew) {
      if (nr.has(name))
        report(byUsage(usage, "breaking", "feature"), where, "required property added");
      else report("feature", where, "optional property added");
      continue;
    }
    if (inOld && inNew) compareSchema(ctx, op[name], np[name], base, child);
    // Required in a request: callers must now send it. Optional in a response: callers can no
    // longer count on it.
    if (!or.has(name) && nr.has(name))
      report(byUsage(usage, "breaking", "feature"), where, "property now required");
    if (or.has(name) && !nr.has(name))
      report(byUsage(usage, "feature", "breaking"), where, "property now optional");
  }
}

function compareAdditional(ctx: SchemaContext, o: Json, n: Json, base: string, path: string): void {
  const a = o.additionalProperties;
  const b = n.additionalProperties;
  if (deepEqual(a, b)) return;
  const where = locate(base, path);
  const isSchema = (x: unknown) => typeof x === "object" && x !== null;
  if (isSchema(a) && isSchema(b)) return compareSchema(ctx, a, b, base, `${path}{}`);
  // Absent or `true` allows any extra property; `false` allows none.
  const open = (x: unknown) => x === undefined || x === true;
  const narrowed = open(a) && !open(b);
  ctx.report(
    narrowed ? "breaking" : open(b) ? "feature" : "breaking",
    where,
    "additionalProperties changed",
    values(a, b),
  );
}

function compareCombiners(ctx: SchemaContext, o: Json, n: Json, base: string, path: string): void {
  for (const key of COMBINERS) {
    const a = Array.isArray(o[key]) ? (o[key] as unknown[]) : [];
    const b = Array.isArray(n[key]) ? (n[key] as unknown[]) : [];
    if (a.length === b.length) {
      a.forEach((s, i) => compareSchema(ctx, s, b[i], base, `${path}(${key}[${i}])`));
      continue;
    }
    // More alternatives accept more (anyOf/oneOf); more parts of an allOf demand more.
    const widened = key !== "allOf" && b.length > a.length;
    ctx.report(
      widened ? "feature" : "breaking",
      locate(base, path),
      `${key} changed`,
      values(o[key], n[key]),
    );
  }
}
