import type { TypeRef } from "../types.js";

const PRIMITIVES = new Set(["string", "integer", "boolean", "number", "object"]);

/** `array[ azure_key_vault ]`, `integer`, `_links`, or an empty cell. */
export function parseTypeRef(cell: string): TypeRef {
  const t = cell.replace(/\s+/g, "");
  if (!t) return { kind: "missing" };
  const array = /^array\[(.*)\]$/i.exec(t);
  if (array) return { kind: "array", items: parseTypeRef(array[1] ?? "") };
  if (PRIMITIVES.has(t.toLowerCase()))
    return { kind: "primitive", name: t.toLowerCase() as "string" };
  // Some web pages print `enum` where others print `string`: a string, whose values the
  // row's `enum:` bullet states (when the page keeps it).
  if (t.toLowerCase() === "enum") return { kind: "primitive", name: "string" };
  return NAME.test(t) ? { kind: "named", name: t } : { kind: "unreadable", text: t };
}

/** What a definition name looks like (and what an OpenAPI component name allows). */
const NAME = /^[A-Za-z_][\w.-]*$/;

export function typeRefText(type: TypeRef): string {
  switch (type.kind) {
    case "primitive":
      return type.name;
    case "array":
      return `array[${typeRefText(type.items)}]`;
    case "named":
      return type.name;
    case "missing":
      return "";
    case "unreadable":
      return type.text;
  }
}
