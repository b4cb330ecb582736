export { ingest, type IngestOptions, type IngestResult } from "./ingest.js";
export { readSources } from "./read/read-sources.js";
export { decodePage } from "./read/decode-page.js";
export { detectRendering } from "./read/detect-rendering.js";
export { readPage } from "./read/read-page.js";
export { toBlocks } from "./blocks/to-blocks.js";
export { Diagnostics, formatDiagnostic, type Diagnostic } from "./diagnostics.js";
export { toJson, toYaml } from "./serialize.js";
export type * from "./types.js";
