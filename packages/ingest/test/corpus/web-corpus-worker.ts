/**
 * Child process of web-corpus.test.ts: ingests each page named on stdin (a line holding its
 * path as a JSON string) alone and prints one JSON line per page: its operations and their
 * parameters, or the error it threw. A separate process, so that the test can stop a page
 * that hangs.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { createInterface } from "node:readline";
import { ingest } from "../../src/index.js";

type Json = Record<string, any>;

export interface PageResult {
  path: string;
  ms: number;
  crash?: string;
  operations: {
    method: string;
    path: string;
    parameters: { name: string; in: string; type: string }[];
  }[];
}

/** `string`, `array[string]`, or the name of the component a `$ref` points at. */
function typeOf(schema: Json | undefined): string {
  if (!schema) return "";
  if (typeof schema.$ref === "string") return schema.$ref.replace(/^#\/components\/schemas\//, "");
  if (schema.type === "array") return `array[${typeOf(schema.items)}]`;
  return Array.isArray(schema.type) ? schema.type.join("|") : String(schema.type ?? "");
}

function run(path: string): PageResult {
  const start = performance.now();
  try {
    const text = readFileSync(path, "utf8");
    const { document } = ingest([{ file: basename(path), text }], { docset: "corpus" });
    const operations: PageResult["operations"] = [];
    for (const [p, item] of Object.entries(document.paths ?? {}) as [string, Json][])
      for (const [method, op] of Object.entries(item) as [string, Json][]) {
        const params = [...(item.parameters ?? []), ...(op.parameters ?? [])] as Json[];
        operations.push({
          method: method.toUpperCase(),
          path: p,
          parameters: params.map((x) => ({ name: x.name, in: x.in, type: typeOf(x.schema) })),
        });
      }
    return { path, ms: performance.now() - start, operations };
  } catch (e) {
    const err = e as Error;
    return {
      path,
      ms: performance.now() - start,
      crash: `${err.message}\n${err.stack ?? ""}`,
      operations: [],
    };
  }
}

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line.trim()) process.stdout.write(JSON.stringify(run(JSON.parse(line) as string)) + "\n");
}
