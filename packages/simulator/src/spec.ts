// The contract: the simulator checks every request it receives and every response it sends
// against its doc set's spec (ajv, JSON Schema 2020-12, as OpenAPI 3.1 uses). It checks what
// the spec says and nothing more: no `required` the spec does not list, no closed objects.
// Validators are compiled per route on its first request (or all at once with
// `compile: "eager"`): a 1,500-operation doc set then starts as fast as its spec parses.
import type { ValidateFunction } from "ajv/dist/2020.js";
import type { DocSet } from "@ontap-rest/openapi";
import { readSpecSource, type SpecSource } from "./spec-source.js";
import { describe, Validators } from "./validators.js";

type Json = Record<string, unknown>;

interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: Json;
}

interface ErrorCode {
  code: string;
  description: string;
}

export interface SpecOperation {
  method: string;
  /** As in the spec, without `/api`: `/security/azure-key-vaults/{azure_key_vault.uuid}`. */
  template: string;
  parameters: Map<string, Parameter>;
  /** The request body's schema (application/json), compiled on the route's first request. */
  bodySchema?: unknown;
  bodyRequired: boolean;
  /** Documented statuses and their body's schema (null: no JSON body to check). */
  responses: Map<string, unknown>;
  errorCodes: ErrorCode[];
  /** The page is cut off before its responses: nothing to check an answer against. */
  truncated: boolean;
  /** `x-ntap-introduced`: the release the operation first appeared in (`"9.10"`). */
  introduced?: string;
}

export interface Mismatch {
  /** `request`: the client sent what the spec does not allow; `response`: the simulator did. */
  where: "request" | "response";
  method: string;
  path: string;
  status?: number;
  errors: string[];
}

/** A route's validators, compiled together on its first request. */
interface RouteValidators {
  body?: ValidateFunction;
  responses: Map<string, ValidateFunction>;
  /** Path and query parameters that have a schema, by name. */
  parameters: Map<string, ValidateFunction>;
}

export interface ContractOptions {
  /**
   * `lazy` (default): a route's validators are compiled on its first request. `eager`: every
   * route's at construction (what the simulator did before; the scale bench compares both,
   * and it surfaces a schema ajv cannot compile before any request).
   */
  compile?: "lazy" | "eager";
}

export class SpecContract {
  /** The doc set's name: the repo's doc set, or a given spec's `info.version`. */
  readonly docset: string;
  readonly operations: SpecOperation[] = [];
  /** Every documented code's first description: the message the simulator answers with. */
  readonly messages = new Map<string, string>();
  /** `METHOD /template` of each route whose validators are compiled, in order. */
  readonly compiled = new Set<string>();
  readonly #validators: Validators;
  readonly #routes = new Map<SpecOperation, RouteValidators>();
  /** Operations by method, each with its template's segments: `find` runs on every request. */
  readonly #byMethod = new Map<string, { op: SpecOperation; parts: string[] }[]>();
  readonly #document: { components?: { schemas?: Record<string, unknown> } };
  #writeOnly?: Set<string>;

  /** A doc set of the repo (`"9.9.1"`), or any spec: a file's path or a parsed document. */
  constructor(source: DocSet | { spec: SpecSource }, options: ContractOptions = {}) {
    const { docset, document: spec } = readSpecSource(source);
    this.docset = docset;
    this.#document = spec;
    this.#validators = new Validators(spec.components?.schemas ?? {});

    for (const [template, item] of Object.entries(spec.paths)) {
      const shared = (item.parameters as Parameter[] | undefined) ?? [];
      for (const [method, raw] of Object.entries(item)) {
        if (!["get", "post", "patch", "delete", "put"].includes(method)) continue;
        const op = raw as {
          parameters?: Parameter[];
          requestBody?: { required?: boolean; content?: Record<string, { schema?: Json }> };
          "x-ntap-introduced"?: string;
          responses?: Record<string, { content?: Record<string, { schema?: Json }> } & Json>;
        };
        const parameters = new Map<string, Parameter>();
        for (const p of [...shared, ...(op.parameters ?? [])]) parameters.set(p.name, p);
        const responses = new Map<string, unknown>();
        let errorCodes: ErrorCode[] = [];
        let truncated = false;
        for (const [status, response] of Object.entries(op.responses ?? {})) {
          responses.set(status, response.content?.["application/json"]?.schema ?? null);
          if (response["x-ntap-truncated"] === true) truncated = true;
          if (status === "default") {
            errorCodes = (response["x-ntap-error-codes"] as ErrorCode[] | undefined) ?? [];
            for (const c of errorCodes) {
              if (!this.messages.has(c.code)) this.messages.set(c.code, c.description);
            }
          }
        }
        const operation: SpecOperation = {
          method: method.toUpperCase(),
          template,
          parameters,
          bodySchema: op.requestBody?.content?.["application/json"]?.schema,
          bodyRequired: op.requestBody?.required === true,
          responses,
          errorCodes,
          truncated,
          introduced: op["x-ntap-introduced"],
        };
        this.operations.push(operation);
        const list = this.#byMethod.get(operation.method) ?? [];
        list.push({ op: operation, parts: template.split("/") });
        this.#byMethod.set(operation.method, list);
      }
    }
    if (options.compile === "eager") for (const op of this.operations) this.#compiledFor(op);
  }

  /** Validators compiled so far (request bodies, responses, parameters; a schema met again reuses its own). */
  get validators(): number {
    return this.#validators.count;
  }

  /** The route's validators, compiled on first use and kept. */
  #compiledFor(op: SpecOperation): RouteValidators {
    let route = this.#routes.get(op);
    if (route) return route;
    const compile = (schema: unknown) => this.#validators.compile(schema);
    route = { responses: new Map(), parameters: new Map() };
    if (op.bodySchema) route.body = compile(op.bodySchema);
    for (const [status, schema] of op.responses)
      if (schema) route.responses.set(status, compile(schema));
    for (const [name, p] of op.parameters)
      if (p.schema && (p.in === "path" || p.in === "query"))
        route.parameters.set(name, compile(p.schema));
    this.#routes.set(op, route);
    this.compiled.add(`${op.method} ${op.template}`);
    return route;
  }

  /**
   * Property names the spec marks writeOnly anywhere (components and request bodies): they
   * never appear in a response. Collected on the first response checked, not at start-up.
   */
  get writeOnly(): Set<string> {
    if (this.#writeOnly) return this.#writeOnly;
    this.#writeOnly = new Set();
    this.#collectWriteOnly(this.#document.components?.schemas ?? {});
    for (const op of this.operations) if (op.bodySchema) this.#collectWriteOnly(op.bodySchema);
    return this.#writeOnly;
  }

  #collectWriteOnly(value: unknown): void {
    if (value === null || typeof value !== "object") return;
    const props = (value as Json).properties;
    if (props && typeof props === "object") {
      for (const [name, schema] of Object.entries(props)) {
        if ((schema as Json | null)?.writeOnly === true) this.#writeOnly!.add(name);
      }
    }
    for (const inner of Object.values(value)) this.#collectWriteOnly(inner);
  }

  /** The operation for a wire path (without `/api`), whatever its path parameter is called. */
  find(
    method: string,
    path: string,
  ): { op: SpecOperation; params: Record<string, string> } | undefined {
    const segments = path.split("/");
    for (const { op, parts } of this.#byMethod.get(method) ?? []) {
      if (parts.length !== segments.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < parts.length && ok; i++) {
        const part = parts[i]!;
        const segment = segments[i]!;
        if (part.startsWith("{") && part.endsWith("}")) {
          if (segment === "") ok = false;
          else params[part.slice(1, -1)] = decodeURIComponent(segment);
        } else ok = part === segment;
      }
      if (ok) return { op, params };
    }
    return undefined;
  }

  /** Problems with a request: path and query parameters, and the body. */
  checkRequest(
    op: SpecOperation,
    pathParams: Record<string, string>,
    query: URLSearchParams,
    body: unknown,
    hasBody: boolean,
  ): string[] {
    const route = this.#compiledFor(op);
    const errors: string[] = [];
    for (const [name, value] of Object.entries(pathParams)) {
      const p = op.parameters.get(name);
      if (!p || p.in !== "path") errors.push(`path parameter ${name} is not in the spec`);
      else errors.push(...checkValue(`path ${name}`, p.schema, route.parameters.get(name), value));
    }
    for (const [name, p] of op.parameters) {
      if (p.in === "query" && p.required && !query.has(name)) {
        errors.push(`query ${name} is required`);
      }
    }
    for (const name of new Set(query.keys())) {
      // start.*: ONTAP's own paging token, which only the server's next links carry.
      if (name.startsWith("start.")) continue;
      const p = op.parameters.get(name);
      if (!p || p.in !== "query") {
        errors.push(`query ${name} is not a parameter of ${op.method} ${op.template}`);
        continue;
      }
      for (const value of query.getAll(name)) {
        errors.push(
          ...checkValue(`query ${name}`, p.schema, route.parameters.get(name), value, true),
        );
      }
    }
    if (route.body && hasBody) {
      if (!route.body(body)) errors.push(...describe(route.body.errors).map((e) => `body ${e}`));
    } else if (op.bodyRequired && !hasBody) errors.push("body is required");
    return errors;
  }

  /** Problems with a response the simulator is about to send. */
  checkResponse(op: SpecOperation, status: number, body: unknown): string[] {
    let key = String(status);
    if (!op.responses.has(key)) {
      // `return_timeout`: an operation that answers 202 answers 200/201 when its job ends
      // within the wait; the body is still the 202's.
      const waited =
        status >= 200 &&
        status < 300 &&
        op.responses.has("202") &&
        op.parameters.has("return_timeout");
      if (waited) key = "202";
      else if (status >= 400 && op.responses.has("default")) key = "default";
      else return [`status ${status} is not a documented response of ${op.method} ${op.template}`];
    }
    const errors: string[] = [];
    const validate = this.#compiledFor(op).responses.get(key);
    if (validate && !validate(body)) errors.push(...describe(validate.errors));
    if (status >= 400 && key === "default") {
      const code = (body as { error?: { code?: string } } | undefined)?.error?.code;
      if (code !== undefined && !op.errorCodes.some((c) => c.code === code) && !GENERIC.has(code)) {
        errors.push(`error code ${code} is not documented for ${op.method} ${op.template}`);
      }
    }
    errors.push(...this.#secrets(body, "(root)"));
    return errors;
  }

  #secrets(value: unknown, at: string): string[] {
    if (value === null || typeof value !== "object") return [];
    const errors: string[] = [];
    for (const [key, inner] of Object.entries(value)) {
      if (this.writeOnly.has(key)) errors.push(`${at}/${key} is writeOnly: never in a response`);
      errors.push(...this.#secrets(inner, `${at}/${key}`));
    }
    return errors;
  }
}

/** A query or path value is text: read it as the schema's type (with ONTAP's filters). */
function checkValue(
  label: string,
  schema: Json | undefined,
  validate: ValidateFunction | undefined,
  raw: string,
  filter = false,
): string[] {
  if (!schema || !validate) return [];
  const type = schema.type;
  let values: unknown[];
  if (type === "array") {
    values = [raw.split(",")];
  } else if (type === "string") {
    // Any text is a string (and a string filter: a|b, !a, a*); only an enum restricts it.
    if (!Array.isArray(schema.enum)) return [];
    values = [raw];
  } else if (filter && type !== "boolean") {
    // A numeric filter: a|b, !a, <5, >=5, 1..9 — each alternative is a number.
    values = raw
      .split("|")
      .flatMap((v) => v.replace(/^(!|<=|>=|<|>)/, "").split(".."))
      .filter((v) => v !== "*")
      .map((v) => (v.trim() === "" ? Number.NaN : Number(v)));
  } else if (type === "integer" || type === "number") {
    values = [raw.trim() === "" ? Number.NaN : Number(raw)];
  } else if (type === "boolean") {
    values = [raw === "true" ? true : raw === "false" ? false : raw];
  } else values = [raw];
  const errors: string[] = [];
  for (const value of values) {
    if (typeof value === "number" && Number.isNaN(value)) errors.push(`${label}: not a number`);
    else if (!validate(value))
      errors.push(...describe(validate.errors).map((e) => `${label} ${e}`));
  }
  return errors;
}

/** Codes ONTAP answers on any operation, which no page lists per operation. */
export const GENERIC = new Map<string, string>([
  ["4", "entry doesn't exist"],
  ["6", "Not authorized for that command"],
  ["262179", "Unexpected argument"],
]);
