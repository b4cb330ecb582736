/**
 * What the fuzz suites (ingest-fuzz.test.ts, adoc-fuzz.test.ts) require of every result:
 * done in time, a structurally valid OpenAPI document that reads back from its YAML, and
 * diagnostics that point into the pages.
 */
import { isDeepStrictEqual } from "node:util";
import { parse as parseYaml } from "yaml";
import { type Diagnostic, toYaml } from "../../src/index.js";

/** The most one ingest (or one toYaml) may take. */
export const LIMIT_MS = 2_000;

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

export function timed<T>(what: string, f: () => T): T {
  const start = performance.now();
  const value = f();
  const ms = performance.now() - start;
  if (ms > LIMIT_MS) throw new Error(`${what} took ${ms.toFixed(0)} ms (limit ${LIMIT_MS} ms)`);
  return value;
}

export function checkDiagnostic(d: Diagnostic, lineCount: ReadonlyMap<string, number>): void {
  const lines = lineCount.get(d.file);
  const where = `${JSON.stringify(d.file)}:${d.line}: ${d.message.slice(0, 120)}`;
  if (typeof d.file !== "string" || d.file === "" || lines === undefined)
    throw new Error(`diagnostic for an unknown or empty file: ${where}`);
  if (!Number.isInteger(d.line) || d.line < 1 || d.line > lines + 1)
    throw new Error(`diagnostic line outside the page (1..${lines + 1}): ${where}`);
  if (d.severity !== "error" && d.severity !== "warning")
    throw new Error(`bad severity ${String(d.severity)}: ${where}`);
  if (typeof d.message !== "string" || d.message.trim() === "")
    throw new Error(`empty message: ${where}`);
}

// ---------------------------------------------------------------------------------------------
// Structural validity of the document (the part of OpenAPI 3.1 the emitter writes).

const REF_PREFIX = "#/components/schemas/";
/** OpenAPI 3.1: keys of `components` maps match this. */
const COMPONENT_NAME = /^[a-zA-Z0-9.\-_]+$/;

/** OpenAPI 3.1 path templating: `{name}`, the name without braces. */
const TEMPLATE = /\{([^{}]+)\}/g;

/** A valid template: braces only around `{name}`, each name once. */
function templateProblem(path: string): string | undefined {
  const names = [...path.matchAll(TEMPLATE)].map((m) => m[1]!);
  if (/[{}]/.test(path.replace(TEMPLATE, ""))) return "a brace outside {name}";
  if (new Set(names).size !== names.length) return "a parameter name used twice";
  return undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Plain JSON values only (no undefined, NaN, functions, cycles); collects every `$ref`. */
function walkJson(value: unknown, refs: string[], path: string, stack: Set<unknown>): void {
  if (value === null || typeof value === "string" || typeof value === "boolean") return;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`${path}: not a finite number (${value})`);
    return;
  }
  if (typeof value !== "object") throw new Error(`${path}: not JSON (${typeof value})`);
  if (stack.has(value)) throw new Error(`${path}: cycle`);
  stack.add(value);
  if (Array.isArray(value)) value.forEach((v, i) => walkJson(v, refs, `${path}[${i}]`, stack));
  else {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null)
      throw new Error(`${path}: not a plain object`);
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref") {
        if (typeof v !== "string") throw new Error(`${path}.$ref: not a string`);
        refs.push(v);
      } else walkJson(v, refs, `${path}.${k}`, stack);
    }
  }
  stack.delete(value);
}

/**
 * Throws on the first structural fault; returns the number of operations. `yaml: false`
 * skips writing the document as YAML and reading it back (the slowest check).
 */
export function checkDocument(doc: Record<string, unknown>, { yaml = true } = {}): number {
  if (doc.openapi !== "3.1.0") throw new Error(`openapi is ${String(doc.openapi)}`);
  const info = doc.info;
  if (!isObject(info) || typeof info.title !== "string" || info.version !== "fuzz")
    throw new Error("info.title/info.version missing");
  const components = doc.components;
  if (!isObject(components) || !isObject(components.schemas))
    throw new Error("components.schemas missing");
  const schemas = components.schemas;
  for (const name of Object.keys(schemas))
    if (!COMPONENT_NAME.test(name)) throw new Error(`component name ${name} is not allowed`);
  if (!isObject(doc.paths)) throw new Error("paths missing");

  const refs: string[] = [];
  walkJson(doc, refs, "$", new Set());
  for (const ref of refs) {
    if (!ref.startsWith(REF_PREFIX)) throw new Error(`$ref ${ref} is not a component schema`);
    const pointer = ref.slice(REF_PREFIX.length);
    if (pointer === "" || pointer.includes("/") || /~(?![01])/.test(pointer))
      throw new Error(`$ref ${ref} is not a valid JSON pointer to one schema`);
    const name = pointer.replace(/~1/g, "/").replace(/~0/g, "~");
    if (!Object.hasOwn(schemas, name)) throw new Error(`$ref ${ref} does not resolve`);
  }

  const ids = new Set<string>();
  let operations = 0;
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith("/")) throw new Error(`path ${path} does not start with /`);
    if (!isObject(item)) throw new Error(`path item ${path} is not an object`);
    const templated = [...path.matchAll(TEMPLATE)].map((m) => m[1]!);
    const problem = templateProblem(path);
    if (problem) throw new Error(`path ${path}: not a valid template (${problem})`);
    for (const [method, op] of Object.entries(item)) {
      const where = `${method.toUpperCase()} ${path}`;
      if (!METHODS.has(method)) throw new Error(`${where}: not an HTTP method`);
      if (!isObject(op)) throw new Error(`${where}: not an object`);
      operations++;
      if (typeof op.operationId !== "string" || op.operationId === "")
        throw new Error(`${where}: no operationId`);
      if (ids.has(op.operationId))
        throw new Error(`${where}: operationId ${op.operationId} reused`);
      ids.add(op.operationId);
      if (!isObject(op.responses) || Object.keys(op.responses).length === 0)
        throw new Error(`${where}: no responses`);
      for (const [status, r] of Object.entries(op.responses)) {
        if (!/^([1-5]\d\d|[1-5]XX|default)$/.test(status))
          throw new Error(`${where}: response key ${status}`);
        if (!isObject(r) || typeof r.description !== "string")
          throw new Error(`${where} ${status}: no description`);
      }
      const params = op.parameters ?? [];
      if (!Array.isArray(params)) throw new Error(`${where}: parameters is not an array`);
      const declared = new Set<string>();
      for (const p of params) {
        if (!isObject(p) || typeof p.name !== "string" || typeof p.in !== "string")
          throw new Error(`${where}: parameter without name/in`);
        const key = `${p.in}:${p.name}`;
        if (declared.has(key)) throw new Error(`${where}: parameter ${key} declared twice`);
        declared.add(key);
        if (p.in === "path" && p.required !== true)
          throw new Error(`${where}: path parameter ${p.name} not required`);
      }
      for (const name of templated)
        if (!declared.has(`path:${name}`))
          throw new Error(`${where}: path parameter {${name}} is not declared`);
    }
  }

  const json = JSON.stringify(doc);
  if (JSON.stringify(JSON.parse(json)) !== json) throw new Error("JSON does not round-trip");
  if (!yaml) return operations;
  const text = timed("toYaml", () => toYaml(doc));
  if (typeof text !== "string" || !/^openapi: ["']?3\.1\.0["']?\n/.test(text))
    throw new Error("toYaml did not give the document");
  // Read back with the `yaml` package, the YAML must be the document.
  if (!isDeepStrictEqual(parseYaml(text), JSON.parse(json)))
    throw new Error("the YAML does not read back as the document");
  return operations;
}
