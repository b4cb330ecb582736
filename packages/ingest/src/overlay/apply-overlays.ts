import { type Diagnostic, Diagnostics } from "../diagnostics.js";
import { applyAction } from "./apply-action.js";
import { cloneJson, isJsonObject, setMember } from "./json-value.js";
import { overlayAppliesTo } from "./overlay-extends.js";
import type { Overlay } from "./parse-overlay.js";

export interface ApplyOverlaysOptions {
  /** The doc set the document is for: selects overlays by `extends`, and names it in messages. */
  docset: string;
}

export interface ApplyOverlaysResult {
  /** A copy with the overlays applied; the input itself when none is for this doc set. */
  document: Record<string, unknown>;
  diagnostics: Diagnostic[];
  /** The files of the overlays that changed the document, in order (as in `info.x-ntap-overlays`). */
  applied: string[];
}

/** The document's record of the overlays applied to it, beside what the pages say. */
const OVERLAYS_EXTENSION = "x-ntap-overlays";

/**
 * Overlays in the order given, then actions in file order, each on the document as the
 * previous ones left it. An overlay whose `extends` names another doc set is skipped (it is
 * for that one). An action that matches nothing is an error; the other actions still apply.
 * The overlays that applied at least one action are listed in `info.x-ntap-overlays`.
 */
export function applyOverlays(
  document: Record<string, unknown>,
  overlays: readonly Overlay[],
  options: ApplyOverlaysOptions,
): ApplyOverlaysResult {
  const selected = overlays.filter((o) => overlayAppliesTo(o, options.docset));
  if (selected.length === 0) return { document, diagnostics: [], applied: [] };

  const diagnostics = new Diagnostics();
  const result = cloneJson(document);
  const applied: string[] = [];
  for (const overlay of selected) {
    let changed = false;
    for (const action of overlay.actions) {
      // Not `||=`: every action runs, whether or not an earlier one applied.
      if (applyAction(result, action, overlay, options.docset, diagnostics)) changed = true;
    }
    if (changed) applied.push(overlay.file);
  }
  if (applied.length > 0) recordOverlays(result, applied);
  return { document: result, diagnostics: diagnostics.items, applied };
}

function recordOverlays(document: Record<string, unknown>, files: readonly string[]): void {
  if (!isJsonObject(document.info)) setMember(document, "info", {});
  const info = document.info as Record<string, unknown>;
  const earlier = Array.isArray(info[OVERLAYS_EXTENSION])
    ? (info[OVERLAYS_EXTENSION] as unknown[])
    : [];
  setMember(info, OVERLAYS_EXTENSION, [...earlier, ...files]);
}
