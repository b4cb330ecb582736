export { ingest, type IngestOptions, type IngestResult } from "./ingest.js";
export { readSources } from "./read/read-sources.js";
export { decodePage } from "./read/decode-page.js";
export { detectRendering } from "./read/detect-rendering.js";
export { readPage } from "./read/read-page.js";
export { toBlocks } from "./blocks/to-blocks.js";
export { Diagnostics, formatDiagnostic, type Diagnostic } from "./diagnostics.js";
export { toJson, toYaml } from "./serialize.js";
export type * from "./types.js";
export {
  parseOverlay,
  type Overlay,
  type OverlayAction,
  type ParseOverlayResult,
} from "./overlay/parse-overlay.js";
export { readOverlay } from "./overlay/read-overlay.js";
export { overlayAppliesTo } from "./overlay/overlay-extends.js";
export {
  applyOverlays,
  type ApplyOverlaysOptions,
  type ApplyOverlaysResult,
} from "./overlay/apply-overlays.js";
export { queryJsonPath, type JsonPathMatch } from "./overlay/json-path.js";
export {
  parseJsonPath,
  JsonPathSyntaxError,
  type JsonPathQuery,
} from "./overlay/json-path-syntax.js";
