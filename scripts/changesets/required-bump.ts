import { diffSpecs, type Bump, type Change, type DiffResult } from "@ontap-rest/diff";
import type { Baseline } from "./baseline.js";
import { specFile, type SpecSet } from "./specs.js";

/** Bumps from none to major, so that `BUMPS.indexOf` orders them. */
export const BUMPS: readonly Bump[] = ["none", "patch", "minor", "major"];

export function maxBump(bumps: Iterable<Bump>): Bump {
  let max: Bump = "none";
  for (const bump of bumps) if (BUMPS.indexOf(bump) > BUMPS.indexOf(max)) max = bump;
  return max;
}

/** One doc set's comparison. */
export interface DocsetChanges {
  docset: string;
  /** `spec/ontap-<docset>.openapi.yaml` */
  file: string;
  /** `added`: only in the current specs; `removed`: only in the baseline's. */
  status: "added" | "removed" | "changed";
  diff: DiffResult;
}

export interface SpecChanges {
  baseline: Baseline;
  /** The doc sets with at least one change, by name. */
  docsets: DocsetChanges[];
  summary: DiffResult["summary"];
  /** What the changes call for: breaking → major, feature → minor, fix → patch, none → none. */
  bump: Bump;
}

/**
 * A document with no operations and no components. A new doc set is diffed against it, so
 * that each of its operations and components is a feature (and each one of a removed doc set
 * is breaking): the counts and the bump follow from the diff's own rules.
 */
const EMPTY = { openapi: "3.1.0", paths: {} };

/** Diffs every doc set present on either side with @ontap-rest/diff. */
export function specChanges(baseline: Baseline, current: SpecSet): SpecChanges {
  const names = [...new Set([...baseline.specs.keys(), ...current.keys()])].sort();
  const docsets: DocsetChanges[] = [];
  for (const docset of names) {
    const before = baseline.specs.get(docset);
    const after = current.get(docset);
    const status = before === undefined ? "added" : after === undefined ? "removed" : "changed";
    let diff = diffSpecs(before ?? EMPTY, after ?? EMPTY);
    // A doc set with nothing in it still is (or was) an entry point of the packages
    // (`@ontap-rest/types/<docset>`): adding one is a feature, removing one breaking.
    if (diff.changes.length === 0 && status !== "changed") diff = docsetOnly(status);
    if (diff.changes.length === 0) continue;
    docsets.push({ docset, file: specFile(docset), status, diff });
  }
  const summary = { breaking: 0, feature: 0, fix: 0 };
  for (const d of docsets)
    for (const kind of ["breaking", "feature", "fix"] as const)
      summary[kind] += d.diff.summary[kind];
  return { baseline, docsets, summary, bump: maxBump(docsets.map((d) => d.diff.bump)) };
}

function docsetOnly(status: "added" | "removed"): DiffResult {
  const kind = status === "added" ? "feature" : "breaking";
  return {
    changes: [{ kind, where: "doc set", what: `doc set ${status}` }],
    summary: { breaking: 0, feature: 0, fix: 0, [kind]: 1 },
    bump: kind === "feature" ? "minor" : "major",
  };
}

/** `METHOD /path: what` or `component name: what`, for one-line mentions of a change. */
export function changeScope(change: Change): string {
  return (
    change.operation ??
    (change.component !== undefined ? `component ${change.component}` : "doc set")
  );
}
