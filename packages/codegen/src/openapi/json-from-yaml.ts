// A spec's YAML as JSON: the same document, key for key, in the same order.
//
// `JSON.stringify` of a parsed object would move integer-like keys (`"200"`, `"201"`) ahead of
// the others, because that is how JavaScript orders object keys. The YAML is parsed into Maps
// instead, which keep the document's order, and written with the layout of
// `JSON.stringify(value, null, 2)`.
import { parseDocument } from "yaml";

/** The JSON text (2-space indent, final newline) of the YAML document `text` from `file`. */
export function jsonFromYaml(text: string, file: string): string {
  // uniqueKeys: a duplicated key would silently lose one value in JSON.
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const problems = [...document.errors, ...document.warnings];
  if (problems.length > 0) {
    throw new Error(problems.map((problem) => `${file}: ${problem.message}`).join("\n"));
  }
  return `${toJson(document.toJS({ mapAsMap: true }), "", file)}\n`;
}

function toJson(value: unknown, indent: string, file: string): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") {
    return JSON.stringify(value);
  }
  if (typeof value === "number") {
    // .inf and .nan are valid YAML with no JSON form: refuse rather than write null.
    if (!Number.isFinite(value)) throw new Error(`${file}: ${value} has no JSON form`);
    return JSON.stringify(value);
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const items = value.map((item) => `${inner}${toJson(item, inner, file)}`);
    return `[\n${items.join(",\n")}\n${indent}]`;
  }
  if (value instanceof Map) {
    if (value.size === 0) return "{}";
    const members = [...value].map(
      ([key, item]) =>
        `${inner}${JSON.stringify(jsonKey(key, file))}: ${toJson(item, inner, file)}`,
    );
    return `{\n${members.join(",\n")}\n${indent}}`;
  }
  throw new Error(`${file}: a ${typeof value} value has no JSON form`);
}

// JSON keys are strings; YAML keys may be other scalars (`200:` unquoted is a number).
function jsonKey(key: unknown, file: string): string {
  if (typeof key === "string") return key;
  if (typeof key === "number" || typeof key === "boolean" || key === null) return String(key);
  throw new Error(`${file}: a ${typeof key} mapping key has no JSON form`);
}
