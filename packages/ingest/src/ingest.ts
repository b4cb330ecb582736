import { type Diagnostic, Diagnostics } from "./diagnostics.js";
import { buildDocument } from "./emit/document.js";
import { readPage } from "./read/read-page.js";
import type { SourcePage } from "./types.js";

export interface IngestOptions {
  /** The doc set's id: `9.9.1`, `latest`. Becomes `info.version`. */
  docset: string;
}

export interface IngestResult {
  document: Record<string, unknown>;
  diagnostics: Diagnostic[];
}

/**
 * Reference pages of one doc set to one OpenAPI 3.1 document. Never throws on bad input: what
 * a page does not say, or says badly, becomes a diagnostic, and the rest is still used.
 */
export function ingest(pages: readonly SourcePage[], options: IngestOptions): IngestResult {
  const diagnostics = new Diagnostics();
  const docs = [...pages]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map((p) => readPage(p, diagnostics));
  const document = buildDocument(docs, options, diagnostics);
  return { document, diagnostics: diagnostics.items };
}
