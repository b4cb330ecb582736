/**
 * A YAML writer for the JSON-shaped documents the ingester builds (objects, arrays, strings,
 * numbers, booleans, null). The general-purpose `yaml` package spends more time writing a
 * spec than the ingester spends reading the pages; this writer only needs block style,
 * plain scalars where they are unambiguous and JSON-style double quotes everywhere else
 * (YAML 1.2 reads JSON strings as double-quoted scalars).
 */
export function writeYaml(value: unknown): string {
  const out: string[] = [];
  if (isCollection(value) && !isEmpty(value)) writeBlock(value, "", out);
  else out.push(scalar(value));
  return `${out.join("\n")}\n`;
}

type Collection = Record<string, unknown> | unknown[];

function isCollection(v: unknown): v is Collection {
  return typeof v === "object" && v !== null;
}

function isEmpty(v: Collection): boolean {
  return Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0;
}

function writeBlock(value: Collection, indent: string, out: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isCollection(item) && !isEmpty(item)) {
        // `- ` then the item's first line on the same line, the rest indented under it: the
        // item is written in place, then its first line gets the dash.
        const first = out.length;
        writeBlock(item, `${indent}  `, out);
        out[first] = `${indent}- ${out[first]!.slice(indent.length + 2)}`;
      } else pushScalar(out, `${indent}- `, item, `${indent}  `);
    }
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    if (isCollection(item) && !isEmpty(item)) {
      out.push(`${indent}${scalar(key)}:`);
      writeBlock(item, `${indent}  `, out);
    } else pushScalar(out, `${indent}${scalar(key)}: `, item, `${indent}  `);
  }
}

/**
 * Text over several lines (the overview's curl examples, descriptions with paragraphs) as a
 * literal block, which keeps it readable in the spec; anything a literal block cannot carry
 * exactly (control characters, a leading space, several trailing newlines) stays quoted.
 */
const LITERAL_SAFE =
  /^[^\s][^\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]*$/;

function pushScalar(out: string[], prefix: string, value: unknown, indent: string): void {
  if (
    typeof value === "string" &&
    value.includes("\n") &&
    !value.endsWith("\n") &&
    LITERAL_SAFE.test(value)
  ) {
    out.push(`${prefix}|-`);
    for (const line of value.split("\n")) out.push(line === "" ? "" : `${indent}${line}`);
    return;
  }
  out.push(`${prefix}${scalar(value)}`);
}

const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
const RESERVED = /^(?:true|false|null|~|yes|no|on|off|y|n|\.inf|-\.inf|\.nan|<<)$/i;
const NUMBER_LIKE = /^[-+.]?\d|^0[xob]/i;
// Control characters, line breaks, and characters YAML reads specially inside plain scalars.
const UNSAFE_INSIDE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]|: |:$| #|\s$/;

function scalar(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "null";
  if (Array.isArray(v)) return "[]";
  if (typeof v === "object") return "{}";
  const s = String(v);
  if (
    s === "" ||
    INDICATOR_START.test(s) ||
    RESERVED.test(s) ||
    NUMBER_LIKE.test(s) ||
    UNSAFE_INSIDE.test(s)
  )
    return JSON.stringify(s);
  return s;
}
