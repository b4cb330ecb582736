import type { Overlay } from "./parse-overlay.js";

/**
 * Overlay 1.0 makes `extends` the URL of the document an overlay is written for. Doc sets
 * are known here by id, and their specs by file name (`ontap-<docset>.openapi.yaml`, as
 * `--out` writes them), so the URL's last path segment decides: the overlay applies to doc
 * set `d` when that segment, percent-decoded, is `d` or `ontap-d.openapi.yaml` (or `.yml`,
 * `.json`). The query and fragment are ignored, and so is the rest of the path: the same
 * overlay can say `../ontap-latest.openapi.yaml` (relative to itself in spec/overlays/) or a
 * full URL. No `extends`: the overlay applies to every doc set.
 */
export function overlayAppliesTo(overlay: Pick<Overlay, "extends">, docset: string): boolean {
  if (overlay.extends === undefined) return true;
  const segment = lastSegment(overlay.extends);
  return (
    segment === docset || SPEC_EXTENSIONS.some((ext) => segment === `ontap-${docset}.openapi${ext}`)
  );
}

const SPEC_EXTENSIONS = [".yaml", ".yml", ".json"];

function lastSegment(url: string): string {
  const path = url.replace(/[?#].*$/s, "");
  const segment = path.slice(path.lastIndexOf("/") + 1);
  try {
    return decodeURIComponent(segment);
  } catch {
    // A stray `%` is not an escape: the segment is then taken as written.
    return segment;
  }
}
