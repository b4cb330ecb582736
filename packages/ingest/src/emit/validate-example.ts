import type { Schema } from "./schema.js";

/**
 * Checks an example against the schema the emitter wrote (the subset it writes). Returns the
 * first mismatch as `path: expected …`, or undefined when the example fits.
 */
export function validateExample(
  value: unknown,
  schema: Schema,
  components: Record<string, Schema>,
  path = "$",
  depth = 0,
): string | undefined {
  if (depth > 64) return undefined;
  if (schema.$ref) {
    const target = components[schema.$ref.replace("#/components/schemas/", "")];
    if (target) {
      const e = validateExample(value, target, components, path, depth + 1);
      if (e) return e;
    }
  }
  for (const s of schema.allOf ?? []) {
    const e = validateExample(value, s, components, path, depth + 1);
    if (e) return e;
  }
  if (
    schema.anyOf &&
    !schema.anyOf.some((s) => validateExample(value, s, components, path, depth + 1) === undefined)
  ) {
    return `${path}: expected one of the documented alternatives`;
  }
  if (schema.type && !hasType(value, schema.type))
    return `${path}: expected ${schema.type}, found ${describe(value)}`;
  if (schema.enum && !schema.enum.includes(value))
    return `${path}: expected one of ${schema.enum.join(", ")}`;
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum)
      return `${path}: expected at least ${schema.minimum}`;
    if (schema.maximum !== undefined && value > schema.maximum)
      return `${path}: expected at most ${schema.maximum}`;
  }
  if (Array.isArray(value) && schema.items) {
    for (const [i, item] of value.entries()) {
      const e = validateExample(item, schema.items, components, `${path}[${i}]`, depth + 1);
      if (e) return e;
    }
  }
  if (isObject(value)) {
    for (const name of schema.required ?? [])
      if (!(name in value)) return `${path}: expected property ${name}`;
    for (const [name, sub] of Object.entries(schema.properties ?? {})) {
      if (name in value) {
        const e = validateExample(value[name], sub, components, `${path}.${name}`, depth + 1);
        if (e) return e;
      }
    }
  }
  return undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function hasType(v: unknown, type: string | string[]): boolean {
  if (Array.isArray(type)) return type.some((t) => (t === "null" ? v === null : hasType(v, t)));
  switch (type) {
    case "object":
      return isObject(v);
    case "array":
      return Array.isArray(v);
    case "integer":
      return Number.isInteger(v);
    case "number":
      return typeof v === "number";
    case "string":
      return typeof v === "string";
    case "boolean":
      return typeof v === "boolean";
    default:
      return true;
  }
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return "array";
  if (v === null) return "null";
  if (typeof v === "string") return `string ${JSON.stringify(v).slice(0, 30)}`;
  return typeof v;
}
