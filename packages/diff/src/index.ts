export { diffSpecs } from "./diff-specs.js";
export { formatDiff } from "./format-diff.js";
export { loadSpec, SpecLoadError } from "./load-spec.js";
export type { Bump, Change, DiffResult, Kind } from "./types.js";
