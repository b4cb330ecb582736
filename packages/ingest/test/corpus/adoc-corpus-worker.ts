/**
 * Child process of adoc-corpus.test.ts: for each JSON request on stdin (`{files, out?}`, one
 * per line), ingests those pages together as one doc set and prints one JSON line: the
 * document and the diagnostics, or the error it threw; with `out`, also writes the YAML there
 * (as the CLI does). A separate process, so that the test can stop a request that hangs.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { createInterface } from "node:readline";
import { type Diagnostic, ingest, toYaml } from "../../src/index.js";

export interface IngestRequest {
  files: string[];
  out?: string;
}

export interface IngestReply {
  ms: number;
  crash?: string;
  document?: Record<string, unknown>;
  diagnostics: Diagnostic[];
}

function run(request: IngestRequest): IngestReply {
  const start = performance.now();
  try {
    const pages = request.files.map((f) => ({ file: basename(f), text: readFileSync(f, "utf8") }));
    const { document, diagnostics } = ingest(pages, { docset: "corpus" });
    if (request.out) writeFileSync(request.out, toYaml(document));
    return { ms: performance.now() - start, document, diagnostics };
  } catch (e) {
    const err = e as Error;
    return {
      ms: performance.now() - start,
      crash: `${err.message}\n${err.stack ?? ""}`,
      diagnostics: [],
    };
  }
}

for await (const line of createInterface({ input: process.stdin }))
  if (line.trim())
    process.stdout.write(JSON.stringify(run(JSON.parse(line) as IngestRequest)) + "\n");
