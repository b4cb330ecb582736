// ONTAP's collection and field semantics: `fields` (advanced properties only when asked for),
// query filters (`a|b`, `!a`, `<5`, `a*`), `order_by`, `max_records` with `_links.next`.

type Json = Record<string, unknown>;

/** Query parameters that are not filters. */
const RESERVED = new Set(["fields", "max_records", "return_records", "return_timeout", "order_by"]);

export interface View {
  /** Every property, advanced ones included. */
  full: Json;
  /** Top-level properties returned only when named in `fields` (or with `fields=**`). */
  advanced: readonly string[];
}

function get(obj: unknown, dotted: string): unknown {
  let value: unknown = obj;
  for (const key of dotted.split(".")) {
    if (Array.isArray(value)) value = value.map((v) => (v as Json | null)?.[key]);
    else if (value !== null && typeof value === "object") value = (value as Json)[key];
    else return undefined;
  }
  return value;
}

function put(target: Json, source: Json, dotted: string): void {
  const [head, ...rest] = dotted.split(".");
  if (head === undefined || !(head in source)) return;
  const value = source[head];
  if (rest.length === 0 || value === null || typeof value !== "object" || Array.isArray(value)) {
    target[head] = value;
    return;
  }
  const inner = (target[head] ??= {}) as Json;
  put(inner, value as Json, rest.join("."));
}

export function listParam(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * The properties to return. `keys` always come back (ONTAP's identifying fields), `_links` too;
 * without `fields`, a record gets `byDefault` (the keys in a collection, all non-advanced
 * properties for a single object).
 */
export function project(view: View, fields: string[], keys: string[], all: boolean): Json {
  const out: Json = {};
  const wanted = fields.length > 0 ? fields : all ? ["*"] : [];
  for (const key of keys) put(out, view.full, key);
  for (const field of wanted) {
    if (field === "*" || field === "**") {
      for (const key of Object.keys(view.full)) {
        if (field === "**" || !view.advanced.includes(key)) out[key] = view.full[key];
      }
    } else put(out, view.full, field);
  }
  if ("_links" in view.full) out._links = view.full._links;
  return out;
}

function matchOne(value: unknown, pattern: string): boolean {
  if (Array.isArray(value)) return value.some((v) => matchOne(v, pattern));
  if (pattern.startsWith("!")) return !matchOne(value, pattern.slice(1));
  const cmp = /^(<=|>=|<|>)(.*)$/.exec(pattern);
  if (cmp) {
    const [, op, rhs = ""] = cmp;
    const a = typeof value === "number" ? value : String(value ?? "");
    const b = typeof value === "number" ? Number(rhs) : rhs;
    return op === "<" ? a < b : op === ">" ? a > b : op === "<=" ? a <= b : a >= b;
  }
  if (value === undefined || value === null) return false;
  const text = String(value);
  if (pattern.includes("*")) {
    const re = new RegExp(
      `^${pattern
        .split("*")
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
        .join(".*")}$`,
      "i",
    );
    return re.test(text);
  }
  return text.toLowerCase() === pattern.toLowerCase();
}

/** One `name=a|b|…` filter: plain alternatives in a set (a fleet asks for 100 uuids at once). */
interface Filter {
  name: string;
  exact: Set<string>;
  patterns: string[];
}

const compiled = new WeakMap<URLSearchParams, Filter[]>();

function filtersOf(query: URLSearchParams): Filter[] {
  let filters = compiled.get(query);
  if (filters) return filters;
  filters = [];
  for (const [name, raw] of query) {
    if (RESERVED.has(name) || name.startsWith("start.")) continue;
    const filter: Filter = { name, exact: new Set(), patterns: [] };
    for (const alt of raw.split("|")) {
      if (/^(!|<|>)|\*/.test(alt)) filter.patterns.push(alt);
      else filter.exact.add(alt.toLowerCase());
    }
    filters.push(filter);
  }
  compiled.set(query, filters);
  return filters;
}

function passes(value: unknown, filter: Filter): boolean {
  if (filter.exact.size > 0) {
    const values = Array.isArray(value) ? value : [value];
    if (
      values.some((v) => v !== undefined && v !== null && filter.exact.has(String(v).toLowerCase()))
    )
      return true;
  }
  return filter.patterns.some((alt) => matchOne(value, alt));
}

/** Whether a record passes every filter of the query. */
export function matches(full: Json, query: URLSearchParams): boolean {
  return filtersOf(query).every((filter) => passes(get(full, filter.name), filter));
}

export function orderBy<T extends View>(views: T[], query: URLSearchParams): T[] {
  const orders = listParam(query, "order_by").map((o) => {
    const [field = "", dir = "asc"] = o.split(/\s+/);
    return { field, sign: dir.toLowerCase() === "desc" ? -1 : 1 };
  });
  if (orders.length === 0) return views;
  return [...views].sort((x, y) => {
    for (const { field, sign } of orders) {
      const a = get(x.full, field);
      const b = get(y.full, field);
      if (a === b) continue;
      if (a === undefined) return 1;
      if (b === undefined) return -1;
      return (String(a) < String(b) ? -1 : 1) * sign;
    }
    return 0;
  });
}

/**
 * A collection answer: `records` (`return_records=false`: none), `num_records`, and while
 * more remain `_links.next`, whose href carries the whole query and `start.uuid`, where the
 * next page starts (as ONTAP's links do).
 */
export function collection(
  path: string,
  views: (View & { uuid: string })[],
  query: URLSearchParams,
  keys: string[],
): Json {
  const filtered = orderBy(
    views.filter((v) => matches(v.full, query)),
    query,
  );
  let start = 0;
  const from = query.get("start.uuid");
  if (from !== null) {
    const at = filtered.findIndex((v) => v.uuid === from);
    start = at < 0 ? filtered.length : at;
  }
  const maxRaw = query.get("max_records");
  const max = maxRaw === null ? Number.POSITIVE_INFINITY : Math.max(1, Number(maxRaw));
  const page = filtered.slice(start, start + max);
  const fields = listParam(query, "fields");
  const self = `/api${path}${query.size > 0 ? `?${query}` : ""}`;
  const links: Json = { self: { href: self } };
  const next = filtered[start + max];
  if (next !== undefined) {
    const q = new URLSearchParams(query);
    q.set("start.uuid", next.uuid);
    links.next = { href: `/api${path}?${q}` };
  }
  const returnRecords = query.get("return_records") !== "false";
  return {
    ...(returnRecords ? { records: page.map((v) => project(v, fields, keys, false)) } : {}),
    num_records: page.length,
    _links: links,
  };
}
