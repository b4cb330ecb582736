// ajv validators for a spec's schemas, compiled only when asked for. A whole doc set (1,500
// operations, 20 MB of spec) compiled up front costs seconds and hundreds of MB at start-up,
// while a test touches a handful of routes: each component is handed to ajv only when a
// schema being compiled refers to it, and ajv compiles it then, once, for every route after.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";

type Json = Record<string, unknown>;

const LOCAL = "#/components/schemas/";
/** Components are schemas of their own in ajv, under an absolute id (no base URI to resolve). */
const ID = "ontap:components/";

export function describe(errors: ValidateFunction["errors"]): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || "(root)"} ${e.message ?? "invalid"}`);
}

export class Validators {
  readonly #ajv: Ajv2020;
  readonly #components: Record<string, unknown>;
  /** Components already handed to ajv (by name). */
  readonly #added = new Set<string>();
  /**
   * Validators by their schema's text: the same schema (`max_records`, `fields`, the error
   * body…) recurs on hundreds of routes, and one validator serves them all.
   */
  readonly #byText = new Map<string, ValidateFunction>();
  /** Validators compiled: what tests and the bench read to see compilation is lazy. */
  count = 0;

  constructor(components: Record<string, unknown>) {
    // strict: false lets the x-ntap-* annotations and OpenAPI's `example` through;
    // `format: password` is an annotation, not something to check.
    this.#ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    this.#components = components;
  }

  /** A validator of `schema` (an operation's), with the components it refers to. */
  compile(schema: unknown): ValidateFunction {
    const wanted = new Set<string>();
    const rewritten = rewriteRefs(schema, wanted) as Json;
    const text = JSON.stringify(rewritten);
    let validate = this.#byText.get(text);
    if (validate) return validate;
    this.#add(wanted);
    validate = this.#ajv.compile(rewritten);
    this.#byText.set(text, validate);
    this.count++;
    return validate;
  }

  /** Hands ajv the named components, and those they refer to, each once. */
  #add(names: Set<string>): void {
    const pending = [...names];
    for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
      if (this.#added.has(name)) continue;
      this.#added.add(name);
      // A name the spec does not define is left to ajv, whose compile error names the ref.
      if (!Object.hasOwn(this.#components, name)) continue;
      const inner = new Set<string>();
      const component = rewriteRefs(this.#components[name], inner);
      this.#ajv.addSchema(component as Json, `${ID}${encodeURIComponent(name)}`);
      pending.push(...inner);
    }
  }
}

/**
 * `#/components/schemas/x/…` → `ontap:components/x#/…`, the id ajv knows component x by;
 * the names met go into `names`. A copy: the spec's own objects are left as they are.
 */
function rewriteRefs(value: unknown, names: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, names));
  if (value === null || typeof value !== "object") return value;
  const out: Json = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === "$ref" && typeof inner === "string" && inner.startsWith(LOCAL)) {
      const [first, ...rest] = inner.slice(LOCAL.length).split("/");
      // JSON pointer escapes: ~1 is `/`, ~0 is `~` (in that order).
      const name = first!.replaceAll("~1", "/").replaceAll("~0", "~");
      names.add(name);
      out[key] = `${ID}${encodeURIComponent(name)}${rest.length ? `#/${rest.join("/")}` : ""}`;
    } else out[key] = rewriteRefs(inner, names);
  }
  return out;
}
