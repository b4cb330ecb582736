/**
 * The facts an AsciiDoc reference page states, read from its text by this file's own small
 * reader (not the ingester's), and the score of a spec against them. A compact port of the
 * idea of ../shared/tools/score-corpus (adoc_truth.py, score_adoc.py): parameters with type,
 * required, default, minimum and maximum; request body properties and their types; response
 * statuses and properties; error codes; readOnly and format of definition properties.
 */

export interface PageFacts {
  method?: string;
  path?: string;
  params: {
    name: string;
    in: string;
    type: string;
    required: boolean;
    default?: unknown;
    min?: number;
    max?: number;
  }[];
  body: Map<string, string>;
  statuses: string[];
  response: Map<string, Set<string>>;
  codes: string[];
  /** A page may print two shapes under one definition name: a list, not a map. */
  defs: { name: string; props: Map<string, { readOnly: boolean; format?: string }> }[];
}

const OPERATION =
  /\[\.api-doc-operation[^\]]*\]#(GET|POST|PATCH|DELETE|PUT)#\s*\[\.api-doc-code-block\]#`([^`]+)`#/;
/** An unescaped `|`. */
const PIPE = /(?<!\\)\|/;

/** Types as a reader compares them: string, integer, number, boolean, array, object. */
function normType(raw: string): string {
  const t = raw.trim();
  if (t.startsWith("array")) return "array";
  if (t.startsWith("link:") || t.startsWith("<<")) return "object";
  const lower = t.toLowerCase();
  if (["int", "int64", "size"].includes(lower)) return "integer";
  return lower || "object";
}

/** The tables between two line indexes: columns and rows of trimmed cells. */
function* tables(
  lines: readonly string[],
  start: number,
  end: number,
): Generator<{ cols: number; rows: string[][] }> {
  for (let i = start; i < end; i++) {
    if (lines[i]!.trim() !== "|===") continue;
    let cols: number | undefined;
    for (let back = i - 1; back > Math.max(start - 1, i - 4); back--) {
      const m = /^\[cols=(\d+)\*/.exec(lines[back]!.trim());
      if (m) {
        cols = Number(m[1]);
        break;
      }
    }
    const cells: string[] = [];
    let current: string | undefined;
    let j = i + 1;
    for (; j < end && lines[j]!.trim() !== "|==="; j++) {
      const line = lines[j]!;
      if (line.startsWith("//") && !line.startsWith("////")) continue; // `//start row`
      if (line.startsWith("a|")) {
        if (current !== undefined) cells.push(current);
        current = line.slice(2); // the rest of an a| line is one description
      } else if (line.startsWith("|")) {
        for (const piece of line.split(PIPE).slice(1)) {
          if (current !== undefined) cells.push(current);
          current = piece;
        }
      } else if (current !== undefined) current += "\n" + line;
    }
    if (current !== undefined) cells.push(current);
    const trimmed = cells.map((c) => c.trim());
    // A one-line header without [cols=…] (`| Error Code | Description`) gives the columns.
    cols ??= Math.max(1, (lines[i + 1] ?? "").split(PIPE).length - 1);
    const rows: string[][] = [];
    for (let k = 0; k + cols <= trimmed.length; k += cols) rows.push(trimmed.slice(k, k + cols));
    yield { cols, rows };
    i = j;
  }
}

/** `* Default value: 1` bullets of a description, by lower-cased label. */
function bullets(description: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of description.split("\n")) {
    const m = /^\*\s+([A-Za-z][\w -]*?):\s*(.*)$/.exec(line.trim());
    if (m) out.set(m[1]!.trim().toLowerCase(), m[2]!.trim());
  }
  return out;
}

const num = (s: string): number | undefined =>
  /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s.trim()) ? Number(s) : undefined;

export function pageFacts(text: string): PageFacts {
  const lines = text.split("\n");
  const facts: PageFacts = {
    params: [],
    body: new Map(),
    statuses: [],
    response: new Map(),
    codes: [],
    defs: [],
  };
  const op = OPERATION.exec(text);
  if (op) [facts.method, facts.path] = [op[1], op[2]];
  // Sections: `==` headings outside tables (a `=====` line in a cell is cell text).
  const heads: [number, string][] = [];
  let inTable = false;
  lines.forEach((line, k) => {
    if (line.trim() === "|===") inTable = !inTable;
    else if (!inTable && /^==+ +\S/.test(line)) heads.push([k, line]);
  });
  heads.push([lines.length, ""]);
  for (let h = 0; h + 1 < heads.length; h++) {
    const [start, heading] = heads[h]!;
    const end = heads[h + 1]![0];
    const title = heading
      .replace(/^=+\s*/, "")
      .trim()
      .replace(/:$/, "")
      .toLowerCase();
    if (title === "parameters") {
      for (const { cols, rows } of tables(lines, start, end)) {
        if (cols !== 5 || rows[0]?.[0]?.toLowerCase() !== "name") continue;
        for (const r of rows.slice(1)) {
          const b = bullets(r[4]!);
          const p: PageFacts["params"][number] = {
            name: r[0]!,
            in: r[2]!.toLowerCase(),
            type: normType(r[1]!),
            required: r[3]!.toLowerCase() === "true",
          };
          const dv = b.get("default value") ?? "";
          if (dv !== "") {
            if (p.type === "boolean") p.default = ["1", "true"].includes(dv.toLowerCase());
            else if (p.type === "integer" || p.type === "number") {
              if (num(dv) !== undefined) p.default = num(dv);
            } else p.default = dv;
          }
          const min = num(b.get("min value") ?? "");
          const max = num(b.get("max value") ?? "");
          if (min !== undefined) p.min = min;
          if (max !== undefined) p.max = max;
          facts.params.push(p);
        }
      }
    } else if (title === "request body") {
      for (const { cols, rows } of tables(lines, start, end))
        if (cols === 3 && rows[0]?.[0]?.toLowerCase() === "name") {
          for (const r of rows.slice(1)) facts.body.set(r[0]!, normType(r[1]!));
          break;
        }
    } else if (title === "response" || title === "error") {
      const m = /Status:\s*(\d{3}|Default)/.exec(lines.slice(start, end).join("\n"));
      const status = m?.[1]?.toLowerCase();
      if (status && !facts.statuses.includes(status)) facts.statuses.push(status);
      for (const { cols, rows } of tables(lines, start, end)) {
        if (rows.length === 0) continue;
        const header = rows[0]!.map((c) => c.toLowerCase());
        if (header[0] === "error code" && header[1] === "description")
          // every numeric cell: stray empty cells shift later rows by a column
          facts.codes.push(...rows.slice(1).flatMap((r) => r.filter((c) => /^\d+$/.test(c))));
        else if (cols === 3 && header[0] === "name" && status && status !== "default") {
          const set = facts.response.get(status) ?? new Set();
          for (const r of rows.slice(1)) set.add(r[0]!);
          facts.response.set(status, set);
        }
      }
    } else if (title === "definitions") {
      const anchors: [number, string][] = [];
      for (let k = start; k < end; k++) {
        const m = /^\[#([^\]]+)\]/.exec(lines[k]!);
        if (m) anchors.push([k, m[1]!]);
      }
      anchors.forEach(([at, name], a) => {
        const until = anchors[a + 1]?.[0] ?? end;
        const props: PageFacts["defs"][number]["props"] = new Map();
        for (const { cols, rows } of tables(lines, at, until))
          if (cols === 3 && rows[0]?.[0]?.toLowerCase() === "name") {
            for (const r of rows.slice(1)) {
              const b = bullets(r[2]!);
              const prop: { readOnly: boolean; format?: string } = {
                readOnly: ["1", "true"].includes(b.get("readonly") ?? ""),
              };
              if (b.get("format")) prop.format = b.get("format");
              props.set(r[0]!, prop);
            }
            break;
          }
        facts.defs.push({ name, props });
      });
    }
  }
  return facts;
}

// ---------------------------------------------------------------------------------------------
// Scoring a spec against the facts.

type Json = Record<string, any>;

const withoutApi = (p: string): string => p.replace(/^\/api(?=\/)/, "");

function deref(spec: Json, node: unknown): Json {
  let n = node as Json;
  for (
    let depth = 0;
    n && typeof n === "object" && typeof n.$ref === "string" && depth < 20;
    depth++
  ) {
    if (!n.$ref.startsWith("#/")) return {};
    let target: any = spec;
    for (const part of n.$ref.slice(2).split("/"))
      target = target?.[part.replace(/~1/g, "/").replace(/~0/g, "~")];
    const { $ref: _ref, ...rest } = n;
    n = { ...(target ?? {}), ...rest };
  }
  return n && typeof n === "object" ? n : {};
}

/** Properties of a schema through `$ref`, allOf, anyOf and oneOf. */
function properties(spec: Json, schema: unknown, depth = 0): Json {
  const s = deref(spec, schema);
  const out: Json = { ...(s.properties ?? {}) };
  if (depth < 6)
    for (const key of ["allOf", "anyOf", "oneOf"])
      for (const sub of s[key] ?? [])
        for (const [k, v] of Object.entries(properties(spec, sub, depth + 1))) out[k] ??= v;
  return out;
}

function typeOf(spec: Json, schema: unknown): string | undefined {
  const s = deref(spec, schema);
  const t = Array.isArray(s.type) ? s.type.find((x: string) => x !== "null") : s.type;
  if (t) return t;
  if (s.properties || s.allOf || s.anyOf || s.oneOf) return "object";
  if (s.items) return "array";
  return undefined;
}

function jsonSchema(content: Json | undefined): unknown {
  const entries = Object.entries(content ?? {});
  return (entries.find(([type]) => type.includes("json")) ?? entries[0])?.[1]?.schema;
}

/** Every fact of the page, held by the spec or not. The first is the operation itself. */
export function scoreFacts(facts: PageFacts, spec: Json): { name: string; held: boolean }[] {
  const out: { name: string; held: boolean }[] = [];
  const fact = (name: string, held: unknown): void => {
    out.push({ name, held: Boolean(held) });
  };
  const paths = Object.fromEntries(
    Object.entries(spec.paths ?? {}).map(([k, v]) => [withoutApi(k), v as Json]),
  );
  const item = paths[withoutApi(facts.path ?? "")] ?? {};
  const op: Json | undefined = item[(facts.method ?? "").toLowerCase()];
  fact(`operation ${facts.method} ${facts.path}`, op);
  const params = new Map<string, Json>();
  for (const p of [...(item.parameters ?? []), ...(op?.parameters ?? [])]) {
    const d = deref(spec, p);
    if (d.name) params.set(`${d.name} ${d.in}`, d);
  }
  for (const w of facts.params) {
    const p = op && params.get(`${w.name} ${w.in}`);
    fact(`param ${w.name} in ${w.in}`, p);
    const schema = deref(spec, p?.schema ?? {});
    fact(`param ${w.name}: type ${w.type}`, p && typeOf(spec, schema) === w.type);
    fact(`param ${w.name}: required ${w.required}`, p && Boolean(p.required) === w.required);
    if ("default" in w)
      fact(
        `param ${w.name}: default ${JSON.stringify(w.default)}`,
        p && schema.default === w.default,
      );
    if (w.min !== undefined)
      fact(`param ${w.name}: minimum ${w.min}`, p && schema.minimum === w.min);
    if (w.max !== undefined)
      fact(`param ${w.name}: maximum ${w.max}`, p && schema.maximum === w.max);
  }
  const body = properties(spec, jsonSchema(deref(spec, op?.requestBody ?? {}).content) ?? {});
  for (const [name, type] of facts.body) {
    fact(`body ${name}`, op && name in body);
    fact(`body ${name}: type ${type}`, op && name in body && typeOf(spec, body[name]) === type);
  }
  const responses: Json = op?.responses ?? {};
  for (const status of facts.statuses) fact(`status ${status}`, status in responses);
  for (const [status, names] of facts.response) {
    const props = properties(spec, jsonSchema(deref(spec, responses[status] ?? {}).content) ?? {});
    for (const name of names) fact(`response ${status} ${name}`, op && name in props);
  }
  const blob = op ? JSON.stringify(op) : "";
  for (const code of facts.codes)
    fact(`error code ${code}`, blob.includes(`"${code}"`) || blob.includes(`:${code}`));
  // readOnly and format on the component of that name, or, where a page prints two shapes
  // under one name, on the component of that name or with a suffix that has all the shape's
  // properties.
  const components: Json = spec.components?.schemas ?? {};
  for (const def of facts.defs) {
    const named = Object.keys(components)
      .filter((c) => c === def.name || c.startsWith(def.name + "_"))
      .sort((a, b) => Number(a !== def.name) - Number(b !== def.name));
    const shapes = named.map((c) => properties(spec, components[c]));
    const shape = shapes.find((s) => [...def.props.keys()].every((p) => p in s)) ?? shapes[0] ?? {};
    for (const [name, want] of def.props) {
      const got = name in shape ? deref(spec, shape[name]) : {};
      if (want.readOnly) fact(`${def.name}.${name} readOnly`, op && got.readOnly === true);
      if (want.format)
        fact(`${def.name}.${name} format ${want.format}`, op && got.format === want.format);
    }
  }
  return out;
}
