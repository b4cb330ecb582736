import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Diagnostics } from "../src/diagnostics.js";
import { readSources } from "../src/read/read-sources.js";
import { ingest } from "../src/ingest.js";

/** The repository root: the real pages live in spec/sources. */
export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export function realPage(path: string): { file: string; text: string } {
  return { file: path, text: readFileSync(`${ROOT}spec/sources/${path}`, "utf8") };
}

/** Ingests a doc set folder the way the CLI does (manifest and borrowed pages included). */
export function ingestDocset(docset: string) {
  const reading = new Diagnostics();
  const pages = readSources([`spec/sources/${docset}`], reading, ROOT);
  const result = ingest(pages, { docset });
  return { ...result, diagnostics: [...reading.items, ...result.diagnostics] };
}

/** A page as a list of lines, for small hand-made inputs. */
export function page(...lines: string[]): string {
  return lines.join("\n");
}

// The document is plain JSON; tests walk it with these.
export type Json = Record<string, any>;
export function op(doc: Json, method: string, path: string): Json {
  const found = doc.paths?.[path]?.[method];
  if (!found) throw new Error(`no ${method} ${path} in ${Object.keys(doc.paths ?? {}).join(", ")}`);
  return found;
}
export function param(operation: Json, name: string): Json {
  const found = operation.parameters.find((p: Json) => p.name === name);
  if (!found) throw new Error(`no parameter ${name}`);
  return found;
}
