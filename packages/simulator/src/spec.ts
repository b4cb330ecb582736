// The contract: the simulator checks every request it receives and every response it sends
// against its doc set's spec (ajv, JSON Schema 2020-12, as OpenAPI 3.1 uses). It checks what
// the spec says and nothing more: no `required` the spec does not list, no closed objects.
import { readFileSync } from "node:fs";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { specPath, type DocSet } from "@ontap-rest/openapi";

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
  body?: ValidateFunction;
  bodyRequired: boolean;
  responses: Map<string, ValidateFunction | null>;
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

/** `#/components/schemas/x` → a ref into the one schema document ajv knows. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== "object") return value;
  const out: Json = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] =
      key === "$ref" && typeof inner === "string" && inner.startsWith("#/components/schemas/")
        ? `ontap-components#/$defs/${inner.slice("#/components/schemas/".length)}`
        : rewriteRefs(inner);
  }
  return out;
}

function describe(errors: ValidateFunction["errors"]): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || "(root)"} ${e.message ?? "invalid"}`);
}

export class SpecContract {
  readonly docset: DocSet;
  readonly operations: SpecOperation[] = [];
  /** Every documented code's first description: the message the simulator answers with. */
  readonly messages = new Map<string, string>();
  /** Property names the spec marks writeOnly: they never appear in a response. */
  readonly writeOnly = new Set<string>();
  readonly #ajv: Ajv2020;
  readonly #compiled = new WeakMap<Json, ValidateFunction>();

  constructor(docset: DocSet) {
    this.docset = docset;
    const spec = JSON.parse(readFileSync(specPath(docset, "json"), "utf8")) as {
      paths: Record<string, Record<string, Json>>;
      components?: { schemas?: Record<string, Json> };
    };
    // strict: false lets the x-ntap-* annotations and OpenAPI's `example` through;
    // `format: password` is an annotation, not something to check.
    this.#ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    const schemas = spec.components?.schemas ?? {};
    this.#ajv.addSchema({ $id: "ontap-components", $defs: rewriteRefs(schemas) });
    this.#collectWriteOnly(schemas);

    for (const [template, item] of Object.entries(spec.paths)) {
      const shared = (item.parameters as unknown as Parameter[] | undefined) ?? [];
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
        const bodySchema = op.requestBody?.content?.["application/json"]?.schema;
        if (bodySchema) this.#collectWriteOnly({ body: bodySchema });
        const responses = new Map<string, ValidateFunction | null>();
        let errorCodes: ErrorCode[] = [];
        let truncated = false;
        for (const [status, response] of Object.entries(op.responses ?? {})) {
          const schema = response.content?.["application/json"]?.schema;
          responses.set(status, schema ? this.#ajv.compile(rewriteRefs(schema) as Json) : null);
          if (response["x-ntap-truncated"] === true) truncated = true;
          if (status === "default") {
            errorCodes = (response["x-ntap-error-codes"] as ErrorCode[] | undefined) ?? [];
            for (const c of errorCodes) {
              if (!this.messages.has(c.code)) this.messages.set(c.code, c.description);
            }
          }
        }
        this.operations.push({
          method: method.toUpperCase(),
          template,
          parameters,
          body: bodySchema ? this.#ajv.compile(rewriteRefs(bodySchema) as Json) : undefined,
          bodyRequired: op.requestBody?.required === true,
          responses,
          errorCodes,
          truncated,
          introduced: op["x-ntap-introduced"],
        });
      }
    }
  }

  #collectWriteOnly(value: unknown): void {
    if (value === null || typeof value !== "object") return;
    const props = (value as Json).properties;
    if (props && typeof props === "object") {
      for (const [name, schema] of Object.entries(props)) {
        if ((schema as Json | null)?.writeOnly === true) this.writeOnly.add(name);
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
    for (const op of this.operations) {
      if (op.method !== method) continue;
      const parts = op.template.split("/");
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
    const errors: string[] = [];
    for (const [name, value] of Object.entries(pathParams)) {
      const p = op.parameters.get(name);
      if (!p || p.in !== "path") errors.push(`path parameter ${name} is not in the spec`);
      else errors.push(...this.#checkValue(`path ${name}`, p.schema, value));
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
        errors.push(...this.#checkValue(`query ${name}`, p.schema, value, true));
      }
    }
    if (op.body && hasBody) {
      if (!op.body(body)) errors.push(...describe(op.body.errors).map((e) => `body ${e}`));
    } else if (op.bodyRequired && !hasBody) errors.push("body is required");
    return errors;
  }

  /** A query or path value is text: read it as the schema's type (with ONTAP's filters). */
  #checkValue(label: string, schema: Json | undefined, raw: string, filter = false): string[] {
    if (!schema) return [];
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
    let validate = this.#compiled.get(schema);
    if (!validate) {
      validate = this.#ajv.compile(rewriteRefs(schema) as Json);
      this.#compiled.set(schema, validate);
    }
    const errors: string[] = [];
    for (const value of values) {
      if (typeof value === "number" && Number.isNaN(value)) errors.push(`${label}: not a number`);
      else if (!validate(value))
        errors.push(...describe(validate.errors).map((e) => `${label} ${e}`));
    }
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
    const validate = op.responses.get(key);
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

/** Codes ONTAP answers on any operation, which no page lists per operation. */
export const GENERIC = new Map<string, string>([
  ["4", "entry doesn't exist"],
  ["6", "Not authorized for that command"],
  ["262179", "Unexpected argument"],
]);
