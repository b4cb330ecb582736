import type { Diagnostics } from "../diagnostics.js";
import { type JsonPathMatch, queryJsonPath } from "./json-path.js";
import { JsonPathSyntaxError } from "./json-path-syntax.js";
import { cloneJson, isJsonObject, mergeInto, setMember } from "./json-value.js";
import type { Overlay, OverlayAction } from "./parse-overlay.js";

/**
 * One action on the document as the previous actions left it (mutated in place). An action is
 * all or nothing: when one of its matches cannot take the update, none is changed. Returns
 * whether it applied; why not is a diagnostic at the action's line.
 */
export function applyAction(
  document: unknown,
  action: OverlayAction,
  overlay: Pick<Overlay, "file">,
  docset: string,
  diagnostics: Diagnostics,
): boolean {
  const label = `action ${action.index} (target ${JSON.stringify(action.target)})`;
  const fail = (message: string): false => {
    diagnostics.error(overlay.file, action.line, `${label} ${message}`);
    return false;
  };

  let matches: JsonPathMatch[];
  try {
    matches = queryJsonPath(document, action.target);
  } catch (e) {
    if (e instanceof JsonPathSyntaxError) return fail(`is not a supported JSONPath: ${e.message}`);
    throw e;
  }
  // The point of the rule: an overlay written against pages that have since changed must say
  // so, not quietly stop correcting them.
  if (matches.length === 0) return fail(`matches nothing in doc set ${docset}`);

  if (action.remove === true) {
    if (matches.some((m) => m.parent === undefined))
      return fail("cannot remove the document itself");
    remove(matches);
    return true;
  }
  if (action.update === undefined) return fail("has neither update nor remove: true");
  const update = action.update;
  const misfit = matches.find(
    (m) =>
      (isJsonObject(m.value) && !isJsonObject(update)) ||
      (m.parent === undefined && !isJsonObject(m.value) && !Array.isArray(m.value)),
  );
  if (misfit) {
    return fail(
      isJsonObject(misfit.value)
        ? `matches an object (${misfit.path}): update must be a mapping to merge into it`
        : "cannot replace the document itself",
    );
  }
  for (const m of matches) {
    if (Array.isArray(m.value)) m.value.push(cloneJson(update));
    else if (isJsonObject(m.value)) mergeInto(m.value, update as Record<string, unknown>);
    else if (Array.isArray(m.parent)) m.parent[m.key as number] = cloneJson(update);
    else setMember(m.parent!, m.key as string, cloneJson(update));
  }
  return true;
}

/** Array elements from the highest index down, so that removing one does not shift the next. */
function remove(matches: readonly JsonPathMatch[]): void {
  const fromArrays = new Map<unknown[], number[]>();
  for (const m of matches) {
    if (Array.isArray(m.parent)) {
      const indices = fromArrays.get(m.parent) ?? [];
      indices.push(m.key as number);
      fromArrays.set(m.parent, indices);
    } else delete m.parent![m.key as string];
  }
  for (const [array, indices] of fromArrays) {
    for (const i of indices.sort((a, b) => b - a)) array.splice(i, 1);
  }
}
