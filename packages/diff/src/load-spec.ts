import { readFileSync } from "node:fs";
import { CORE_SCHEMA, load } from "js-yaml";
import { isObject } from "./json.js";

/** An input that cannot be used; its message reads `file: what was expected`. */
export class SpecLoadError extends Error {
  override name = "SpecLoadError";
}

/**
 * Reads an OpenAPI document from a YAML or JSON file. JSON is YAML, so one parser reads both,
 * whatever the file is called. js-yaml with the YAML 1.2 core schema (what `yaml` reads by
 * default: no timestamps, no merge keys): a 1,500-operation spec (20 MB) parses in about 1 s
 * instead of 7 s, so two of them diff within 5 s (BENCHMARKS.md, scale).
 */
export function loadSpec(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new SpecLoadError(`${file}: expected a readable file${code ? ` (${code})` : ""}`);
  }
  let doc: unknown;
  try {
    doc = load(text, { schema: CORE_SCHEMA });
  } catch (e) {
    const first = (e as Error).message.split("\n")[0];
    throw new SpecLoadError(`${file}: expected YAML or JSON (${first})`);
  }
  if (!isObject(doc) || typeof doc.openapi !== "string" || !doc.openapi.startsWith("3."))
    throw new SpecLoadError(`${file}: expected an OpenAPI 3 document (an "openapi: 3.x" field)`);
  if (!isObject(doc.paths))
    throw new SpecLoadError(`${file}: expected an OpenAPI 3 document with a "paths" object`);
  return doc;
}
