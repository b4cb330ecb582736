import { readFileSync } from "node:fs";
import { basename, relative, resolve, sep } from "node:path";
import { type ParseOverlayResult, parseOverlay } from "./parse-overlay.js";

/**
 * An overlay file, named relative to `cwd` (posix-style) in diagnostics and in the spec's
 * `info.x-ntap-overlays`, so that the spec does not depend on where the repo is checked out.
 */
export function readOverlay(path: string, cwd = process.cwd()): ParseOverlayResult {
  const abs = resolve(cwd, path);
  const file = relative(cwd, abs).split(sep).join("/") || basename(abs);
  let text: string;
  try {
    text = readFileSync(abs, "utf8");
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return {
      diagnostics: [
        { file, line: 1, severity: "error", message: `cannot read the overlay: ${reason}` },
      ],
    };
  }
  return parseOverlay(file, text);
}
