/**
 * A YAML writer for the JSON-shaped documents the ingester builds (objects, arrays, strings,
 * numbers, booleans, null). The general-purpose `yaml` package spends more time writing a
 * spec than the ingester spends reading the pages; this writer only needs block style,
 * plain scalars where they are unambiguous and JSON-style double quotes everywhere else
 * (YAML 1.2 reads JSON strings as double-quoted scalars).
 */
export function writeYaml(value: unknown): string {
  const out = new Lines();
  if (isCollection(value) && !isEmpty(value)) writeBlock(value, "", out, new Map());
  else out.push(scalar(value));
  return `${out.text()}\n`;
}

/** The longest key written as `key: value` (YAML's limit is 1024 characters, `:` included). */
const IMPLICIT_KEY_MAX = 1000;

/** Lines per chunk: a chunk is joined once it has this many lines. */
const CHUNK_LINES = 2048;

/**
 * The output, as lines joined a chunk at a time. A spec of 1,100 operations has some 135,000
 * lines; kept as one array until the end, every line lived through several collections and
 * was copied out of the young generation, which made large doc sets dearer per line than
 * small ones. Joined in chunks, a line dies young.
 *
 * `dashes`: an array item's first line gets `- ` in place of its last two spaces of indent
 * when it is pushed (items nested directly in items stack their dashes, innermost first).
 */
class Lines {
  private readonly chunks: string[] = [];
  private lines: string[] = [];
  readonly dashes: { head: string; skip: number }[] = [];

  push(line: string): void {
    let text = line;
    for (let k = this.dashes.length - 1; k >= 0; k--) {
      const { head, skip } = this.dashes[k]!;
      text = head + text.slice(skip);
    }
    this.dashes.length = 0;
    this.lines.push(text);
    if (this.lines.length === CHUNK_LINES) {
      this.chunks.push(this.lines.join("\n"));
      this.lines = [];
    }
  }

  text(): string {
    if (this.lines.length) this.chunks.push(this.lines.join("\n"));
    return this.chunks.join("\n");
  }
}

type Collection = Record<string, unknown> | unknown[];

function isCollection(v: unknown): v is Collection {
  return typeof v === "object" && v !== null;
}

/** Same answer as `Object.keys(v).length === 0`, without building the list of keys. */
function isEmpty(v: Collection): boolean {
  if (Array.isArray(v)) return v.length === 0;
  for (const key in v) if (Object.hasOwn(v, key)) return false;
  return true;
}

/**
 * `keys`: each key (and short value) as YAML, for this document. A spec repeats a few dozen
 * keys (`type`, `properties`, `description`) hundreds of thousands of times, and each
 * `scalar` runs four regexes.
 */
function writeBlock(
  value: Collection,
  indent: string,
  out: Lines,
  keys: Map<string, string>,
): void {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    // Indexed loops and `for…in`: no iterator, entry or key list per collection, which was a
    // good part of the writer's garbage. `for…in` with the own-property test visits what
    // `Object.keys` lists, in the same order.
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (isCollection(item) && !isEmpty(item)) {
        // `- ` then the item's first line on the same line, the rest indented under it: the
        // item is written indented, and its first line gets the dash as it is pushed.
        const pending = out.dashes.length;
        out.dashes.push({ head: `${indent}- `, skip: inner.length });
        writeBlock(item, inner, out, keys);
        // An item that wrote no line (every value undefined) had no first line to take the
        // dash; the writer always failed there, and still does, the same way.
        if (out.dashes.length > pending) {
          out.dashes.length = 0;
          throw new TypeError("Cannot read properties of undefined (reading 'slice')");
        }
      } else pushScalar(out, `${indent}- `, item, inner, keys);
    }
    return;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const item = value[key];
    if (item === undefined) continue;
    let yamlKey = keys.get(key);
    if (yamlKey === undefined) keys.set(key, (yamlKey = scalar(key)));
    // YAML allows an implicit key of at most 1024 characters; a longer one (a page with a
    // runaway line gives such a property name) is written as an explicit `? key` / `: value`.
    if (yamlKey.length > IMPLICIT_KEY_MAX) {
      out.push(`${indent}? ${yamlKey}`);
      if (isCollection(item) && !isEmpty(item)) {
        out.push(`${indent}:`);
        writeBlock(item, inner, out, keys);
      } else pushScalar(out, `${indent}: `, item, inner, keys);
      continue;
    }
    if (isCollection(item) && !isEmpty(item)) {
      out.push(`${indent}${yamlKey}:`);
      writeBlock(item, inner, out, keys);
    } else pushScalar(out, `${indent}${yamlKey}: `, item, inner, keys);
  }
}

/**
 * Text over several lines (the overview's curl examples, descriptions with paragraphs) as a
 * literal block, which keeps it readable in the spec; anything a literal block cannot carry
 * exactly (control characters, a leading space, several trailing newlines) stays quoted.
 */
const LITERAL_SAFE =
  /^[^\s][^\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]*$/;

/** Strings up to this length are looked up in (and added to) the document's `keys` cache. */
const CACHED_LENGTH = 40;

function pushScalar(
  out: Lines,
  prefix: string,
  value: unknown,
  indent: string,
  cache: Map<string, string>,
): void {
  // Short values repeat as much as keys (`string`, `object`, `query`, schema refs).
  if (typeof value === "string" && value.length <= CACHED_LENGTH && !value.includes("\n")) {
    let yaml = cache.get(value);
    if (yaml === undefined) cache.set(value, (yaml = scalar(value)));
    out.push(`${prefix}${yaml}`);
    return;
  }
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
const UNSAFE_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/;
const SPACE = /\s/;

/**
 * `/[control…]|: |:$| #|\s$/.test(s)`, one alternative at a time: the alternation made the
 * regex engine try five branches at every position of every description.
 */
function unsafeInside(s: string): boolean {
  return (
    UNSAFE_CHARACTER.test(s) ||
    s.includes(": ") ||
    s.endsWith(":") ||
    s.includes(" #") ||
    (s.length > 0 && SPACE.test(s[s.length - 1]!))
  );
}

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
    unsafeInside(s)
  )
    return JSON.stringify(s);
  return s;
}
