import type { Facts, Property, TypeRef } from "../types.js";

/** The part of JSON Schema the emitter writes (and `validate-example` checks). */
export interface Schema {
  $ref?: string;
  /** A list only for a nullable type: `["string", "null"]`. */
  type?: string | string[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  anyOf?: Schema[];
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  format?: string;
  default?: unknown;
  description?: string;
  readOnly?: boolean;
  writeOnly?: boolean;
  deprecated?: boolean;
  examples?: unknown[];
  [extension: `x-${string}`]: unknown;
}

/** Turns a type name into a `$ref` (or undefined when nothing defines it). */
export type RefFor = (name: string) => string | undefined;

export function componentRef(name: string): string {
  return `#/components/schemas/${name}`;
}

export function typeSchema(
  type: TypeRef,
  refFor: RefFor,
  onMissing: (what: string) => void,
): Schema {
  switch (type.kind) {
    case "primitive":
      return { type: type.name };
    case "array":
      return { type: "array", items: typeSchema(type.items, refFor, onMissing) };
    case "named": {
      const ref = refFor(type.name);
      if (ref) return { $ref: ref };
      onMissing(`type \`${type.name}\` is not defined on the page or elsewhere in the doc set`);
      return { "x-ntap-unresolved-type": type.name };
    }
    case "missing":
      onMissing("the type cell is empty");
      return {};
    case "unreadable":
      onMissing(`expected a type in the type cell, found \`${type.text}\``);
      return {};
  }
}

/** Passwords, secrets and values the page says are "not audited" are sent, never returned. */
function isSecret(name: string, description: string): boolean {
  return (
    /(^|[._])(password|secret|passphrase)($|[._])/i.test(name) ||
    /\bnot audited\b/i.test(description)
  );
}

/** The page says so in the property's own words: "This is an advanced property". */
function isAdvanced(description: string): boolean {
  return /\badvanced property\b/i.test(description);
}

export function applyFacts(schema: Schema, facts: Facts): Schema {
  if (facts.enum) schema.enum = facts.enum;
  if (facts.minimum !== undefined) schema.minimum = facts.minimum;
  if (facts.maximum !== undefined) schema.maximum = facts.maximum;
  if (facts.minLength !== undefined) schema.minLength = facts.minLength;
  if (facts.maxLength !== undefined) schema.maxLength = facts.maxLength;
  if (facts.format) schema.format = facts.format;
  if (facts.readOnly) schema.readOnly = true;
  if (facts.readCreate) schema["x-ntap-read-create"] = true;
  if (facts.createOnly) schema["x-ntap-create-only"] = true;
  if (facts.deprecated) {
    schema.deprecated = true;
    schema["x-ntap-deprecated"] = facts.deprecated;
  }
  if (facts.example !== undefined) {
    const example = typedExample(facts.example, schema.type);
    if (example !== undefined) schema.examples = [example];
  }
  if (facts.nullable) return nullable(schema);
  return schema;
}

/** `x-nullable: true` (Swagger 2's way) is OpenAPI 3.1's `null` in the type. */
function nullable(schema: Schema): Schema {
  if (typeof schema.type === "string") {
    schema.type = [schema.type, "null"];
    if (schema.enum && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
    return schema;
  }
  if (schema.$ref) {
    const { $ref, ...rest } = schema;
    return { anyOf: [{ $ref }, { type: "null" }], ...rest };
  }
  return schema;
}

/** A printed `example:` as a value of the property's type; none when it is not one. */
function typedExample(raw: string, type: Schema["type"]): unknown {
  switch (type) {
    case "string":
      return raw;
    case "integer":
    case "number": {
      const n = Number(raw);
      return raw.trim() !== "" && Number.isFinite(n) && (type === "number" || Number.isInteger(n))
        ? n
        : undefined;
    }
    case "boolean":
      return raw === "true" ? true : raw === "false" ? false : undefined;
    default:
      return undefined;
  }
}

/** Converts a printed default to the parameter's type; `1`/empty are how booleans print. */
export function typedDefault(raw: string, type: TypeRef): unknown {
  if (type.kind === "primitive" && type.name === "boolean") {
    return /^(1|true)$/i.test(raw.trim());
  }
  if (raw.trim() === "") return undefined;
  if (type.kind === "primitive" && (type.name === "integer" || type.name === "number")) {
    const n = Number(raw);
    return Number.isFinite(n) ? n : undefined;
  }
  return raw;
}

export function propertySchema(
  prop: Property,
  refFor: RefFor,
  onMissing: (what: string) => void,
  definitionSays: (name: string) => string,
): Schema {
  const schema = applyFacts(typeSchema(prop.type, refFor, onMissing), prop.facts);
  if (prop.description) schema.description = prop.description;
  const refName =
    prop.type.kind === "named"
      ? prop.type.name
      : prop.type.kind === "array" && prop.type.items.kind === "named"
        ? prop.type.items.name
        : undefined;
  if (
    isAdvanced(prop.description) ||
    (refName !== undefined && isAdvanced(definitionSays(refName)))
  )
    schema["x-ntap-advanced"] = true;
  if (isSecret(prop.name, prop.description)) {
    schema.writeOnly = true;
    schema.format = "password";
  }
  if (prop.facts.introduced) schema["x-ntap-introduced"] = prop.facts.introduced;
  if (prop.facts.cutOff) schema["x-ntap-truncated"] = true;
  return schema;
}
