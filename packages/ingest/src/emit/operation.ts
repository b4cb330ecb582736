import type { Diagnostics } from "../diagnostics.js";
import { parameterDefault } from "../reconcile/defaults.js";
import type { Components } from "../reconcile/components.js";
import type { Owner, Resolver } from "../reconcile/resolve-refs.js";
import type { Example, OperationDoc, Parameter, Property, ResponseDoc } from "../types.js";
import { type Schema, applyFacts, componentRef, propertySchema, typeSchema } from "./schema.js";
import { validateExample } from "./validate-example.js";

export interface EmitContext {
  resolver: Resolver;
  components: Components;
  schemas: Record<string, Schema>;
  diagnostics: Diagnostics;
  /** Bodies a response prints nowhere on its page, taken from the rest of the doc set. */
  fallbackBody(status: "202" | "default"): { schema: Schema; from: string };
}

export type OpenApiOperation = Record<string, unknown> & {
  parameters: Record<string, unknown>[];
  responses: Record<string, Record<string, unknown>>;
};

const REASONS: Record<string, string> = {
  "200": "OK",
  "201": "Created",
  "202": "Accepted",
  "204": "No Content",
  default: "Error",
};

export function operationId(method: string, path: string): string {
  const segments = path
    .split("/")
    .filter(Boolean)
    .map((s) => (s.startsWith("{") ? (s.slice(1, -1).split(".").pop() ?? s) : s));
  return [method, ...segments].join("_").replace(/[^A-Za-z0-9_]/g, "_");
}

/** The object a table prints, its type names resolved where `owner` uses them on `op`'s page. */
function objectSchema(
  op: OperationDoc,
  ctx: EmitContext,
  owner: Owner,
  props: readonly Property[],
): Schema {
  const { resolver, components, diagnostics } = ctx;
  const refFor = (name: string): string | undefined => {
    const d = resolver.resolve(op, owner, name);
    return d ? componentRef(components.nameOf(d)) : undefined;
  };
  const says = (name: string): string => resolver.resolve(op, owner, name)?.description ?? "";
  const properties: Record<string, Schema> = {};
  for (const p of props) {
    const warn = (what: string): void =>
      diagnostics.warning(op.file, p.line, `\`${p.name}\`: ${what}`);
    properties[p.name] = propertySchema(p, refFor, warn, says);
  }
  return { type: "object", properties };
}

/** A response's body as its page prints it (a named definition, or the table's object). */
export function documentedBody(op: OperationDoc, r: ResponseDoc, ctx: EmitContext): Schema {
  return namedShape(op, r, ctx) ?? objectSchema(op, ctx, r, r.properties ?? []);
}

export function emitOperation(op: OperationDoc, ctx: EmitContext): OpenApiOperation {
  const { diagnostics } = ctx;
  const warn = (line: number, message: string): void => diagnostics.warning(op.file, line, message);

  const out: OpenApiOperation = {
    tags: [family(op.path)],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    operationId: operationId(op.method, op.path),
    parameters: emitParameters(op, diagnostics),
    responses: {},
  };

  if (op.requestBody) {
    const schema = requestBodySchema(
      op,
      objectSchema(op, ctx, op.requestBody, op.requestBody.properties),
      warn,
    );
    const media: Record<string, unknown> = { schema };
    keepExample(media, op.requestBody.example, schema, ctx, op, "request");
    out.requestBody = {
      ...(op.required.length ? { required: true } : {}),
      content: { "application/json": media },
    };
  }

  for (const r of op.responses) out.responses[r.status] = emitResponse(op, r, ctx);
  if (op.responses.length === 0) {
    out.responses.default = {
      description: "Not documented: the source page is cut off before the responses.",
      "x-ntap-truncated": true,
    };
  }

  if (op.introduced) out["x-ntap-introduced"] = op.introduced;
  if (op.cli.length) out["x-ntap-cli"] = op.cli;
  out["x-ntap-doc-source"] =
    `${op.file}:${op.line}${op.borrowedFrom ? ` (borrowed from ${op.borrowedFrom})` : ""}`;
  return out;
}

/** The endpoint family: the path up to its first parameter (`security/azure-key-vaults`). */
export function family(path: string): string {
  const segments: string[] = [];
  for (const s of path.split("/").filter(Boolean)) {
    if (s.startsWith("{")) break;
    segments.push(s);
  }
  return segments.join("/") || "/";
}

function emitParameters(op: OperationDoc, diagnostics: Diagnostics): Record<string, unknown>[] {
  const templated = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const params: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  for (const p of op.parameters) {
    const key = `${p.in}:${p.name}`;
    if (seen.has(key)) {
      diagnostics.warning(
        op.file,
        p.line,
        `parameter \`${p.name}\` is listed twice; the first one is kept`,
      );
      continue;
    }
    if (p.in === "path" && !templated.includes(p.name)) {
      diagnostics.warning(
        op.file,
        p.line,
        `path parameter \`${p.name}\` does not appear in ${op.path}; parameter dropped`,
      );
      continue;
    }
    seen.add(key);
    params.push(emitParameter(p, op, diagnostics));
  }
  for (const name of templated) {
    if (seen.has(`path:${name}`)) continue;
    diagnostics.warning(
      op.file,
      op.line,
      `path parameter \`${name}\` is in the path but not in the parameter table; added as a required string`,
    );
    params.push({
      name,
      in: "path",
      required: true,
      schema: { type: "string" },
      "x-ntap-inferred": "named in the path, not documented in the parameter table",
    });
  }
  return params;
}

function emitParameter(
  p: Parameter,
  op: OperationDoc,
  diagnostics: Diagnostics,
): Record<string, unknown> {
  const schema = applyFacts(
    typeSchema(
      p.type,
      () => undefined,
      (what) => diagnostics.warning(op.file, p.line, `parameter \`${p.name}\`: ${what}`),
    ),
    p.facts,
  );
  const def = parameterDefault(p, op.file, diagnostics);
  if (def !== undefined) schema.default = def;
  const out: Record<string, unknown> = { name: p.name, in: p.in, required: p.required };
  if (p.description) out.description = p.description;
  // ONTAP takes lists as one comma-separated value: `fields=state,azure_reachability`.
  if (p.type.kind === "array" && p.in === "query") {
    out.style = "form";
    out.explode = false;
  }
  out.schema = schema;
  if (p.facts.introduced) out["x-ntap-introduced"] = p.facts.introduced;
  if (p.facts.cutOff) {
    out["x-ntap-truncated"] = true;
    diagnostics.warning(
      op.file,
      p.line,
      `the description of \`${p.name}\` is cut off${p.description ? `: "${p.description.slice(-40)}"` : " (it is missing)"}`,
    );
  }
  return out;
}

/**
 * The body the page documents, with what the page says about writing it: the "Required
 * properties" become `required` (an `a` or `b` requirement is a real alternative), and a
 * property in the table that neither list names is not settable: `readOnly`.
 */
function requestBodySchema(
  op: OperationDoc,
  schema: Schema,
  warn: (line: number, message: string) => void,
): Schema {
  const properties = schema.properties!;
  const line = op.requestBody!.line;
  if (op.settable) {
    const settable = new Set(op.settable.map((n) => n.split(".")[0]!));
    for (const [name, s] of Object.entries(properties)) if (!settable.has(name)) s.readOnly = true;
  }
  const required: string[] = [];
  const alternatives: Schema[] = [];
  for (const requirement of op.required) {
    const tops = [...new Set(requirement.map((n) => n.split(".")[0]!))];
    for (const top of tops)
      if (!properties[top])
        warn(line, `required property \`${top}\` is not in the request body table`);
    if (tops.length === 1) {
      const top = tops[0]!;
      if (!required.includes(top)) required.push(top);
      const nested = requirement
        .filter((n) => n.includes("."))
        .map((n) => n.slice(top.length + 1).split(".")[0]!);
      if (nested.length === requirement.length && properties[top]) {
        Object.assign(
          properties[top],
          nested.length === 1
            ? { required: nested }
            : { anyOf: nested.map((n) => ({ required: [n] })) },
        );
      }
    } else {
      alternatives.push({ anyOf: tops.map((t) => ({ required: [t] })) });
    }
  }
  if (required.length) schema.required = required;
  if (alternatives.length === 1) Object.assign(schema, alternatives[0]);
  else if (alternatives.length > 1) schema.allOf = alternatives;
  return schema;
}

function emitResponse(op: OperationDoc, r: ResponseDoc, ctx: EmitContext): Record<string, unknown> {
  const out: Record<string, unknown> = {
    description: r.description || REASONS[r.status] || r.status,
  };
  let schema: Schema | undefined;
  if (r.properties?.length) {
    schema = documentedBody(op, r, ctx);
  } else if (r.status === "202" || r.status === "default") {
    const fallback = ctx.fallbackBody(r.status);
    schema = {
      ...fallback.schema,
      "x-ntap-inferred": `the page prints no body for ${r.status}; ${fallback.from}`,
    };
  }
  if (schema) {
    const media: Record<string, unknown> = { schema };
    keepExample(media, r.example, schema, ctx, op, r.status === "default" ? "error" : "response");
    out.content = { "application/json": media };
  }
  if (r.headers?.length) {
    const headers: Record<string, unknown> = {};
    for (const h of r.headers) {
      if (!h.name) continue;
      const schema = typeSchema(
        h.type,
        () => undefined,
        (what) => ctx.diagnostics.warning(op.file, h.line, `header \`${h.name}\`: ${what}`),
      );
      headers[h.name] = { ...(h.description ? { description: h.description } : {}), schema };
    }
    out.headers = headers;
  }
  if (r.status === "default") {
    out["x-ntap-error-codes"] = r.errorCodes.map((e) => ({
      code: e.code,
      description: e.description,
    }));
  }
  return out;
}

/** A response table that prints a named definition in full is that definition. */
function namedShape(op: OperationDoc, r: ResponseDoc, ctx: EmitContext): Schema | undefined {
  const def = ctx.resolver.sameShape(r.properties!);
  if (!def) return undefined;
  const defOp = ctx.resolver.opOf(def);
  for (const p of r.properties!) {
    let t = p.type;
    while (t.kind === "array") t = t.items;
    if (t.kind !== "named") continue;
    const here = ctx.resolver.resolve(op, r, t.name);
    const there = ctx.resolver.resolve(defOp, def, t.name);
    if (!here || !there || ctx.components.nameOf(here) !== ctx.components.nameOf(there))
      return undefined;
  }
  return { $ref: componentRef(ctx.components.nameOf(def)) };
}

function keepExample(
  media: Record<string, unknown>,
  example: Example | undefined,
  schema: Schema,
  ctx: EmitContext,
  op: OperationDoc,
  what: string,
): void {
  if (!example) return;
  const mismatch = validateExample(example.value, schema, ctx.schemas);
  if (mismatch) {
    ctx.diagnostics.warning(
      op.file,
      example.line,
      `example ${what} does not match the documented types (${mismatch}); example dropped`,
    );
    return;
  }
  media.example = example.value;
}
