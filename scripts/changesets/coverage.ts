import type { Bump, Change, Kind } from "@ontap-rest/diff";
import type { Baseline } from "./baseline.js";
import { compareSpecs, type CompareOptions } from "./files.js";
import { specGroup } from "./fixed-group.js";
import { pendingChangesets } from "./pending.js";
import { BUMPS, changeScope, maxBump, type SpecChanges } from "./required-bump.js";
import { counts, isSpecChangeset } from "./summary.js";
import { sameChangeset, specChangeset } from "./write-changeset.js";

export interface Coverage {
  changes: SpecChanges;
  /** The bump the spec changes call for. */
  required: Bump;
  /** The highest bump a pending changeset gives the fixed group of @ontap-rest/openapi. */
  covering: Bump;
  /** The pending changesets that give `covering` (`.changeset/<id>.md`). */
  coveredBy: string[];
  ok: boolean;
  /**
   * Changesets changeset:spec wrote that no longer say what it would write now (the specs
   * changed again, or back): they may still cover the bump, but their changelog text is wrong.
   */
  stale: string[];
  /** One line for people: what is covered, or what is missing and how to fix it. */
  message: string;
}

/** How many example changes a failure names per doc set. */
const EXAMPLES = 2;

/**
 * Whether the pending changesets release the spec changes since the previous release with at
 * least the bump those call for. Any package of the fixed group counts: the group moves
 * together, so a major for @ontap-rest/client is a major for @ontap-rest/openapi.
 */
export async function checkCoverage(cwd: string, options: CompareOptions = {}): Promise<Coverage> {
  const changes = compareSpecs(cwd, options);
  const group = specGroup(cwd);
  const pending = await pendingChangesets(cwd);
  const bumpOf = (releases: (typeof pending)[number]["releases"]) =>
    maxBump(releases.filter((r) => group.has(r.name)).map((r) => r.type));
  const covering = maxBump(pending.map((c) => bumpOf(c.releases)));
  const coveredBy = pending
    .filter((c) => covering !== "none" && bumpOf(c.releases) === covering)
    .map((c) => `.changeset/${c.id}.md`);
  const required = changes.bump;
  const ok = BUMPS.indexOf(covering) >= BUMPS.indexOf(required);
  const fresh = required === "none" ? undefined : specChangeset(changes);
  const stale = pending
    .filter((c) => isSpecChangeset(c.summary) && !(fresh && sameChangeset(c, fresh)))
    .map((c) => `.changeset/${c.id}.md`);
  return { changes, required, covering, coveredBy, ok, stale, message: message() };

  function message(): string {
    const since = sinceText(changes.baseline);
    if (required === "none") return `no spec changes ${since}: no changeset needed`;
    if (ok) {
      const gives = `give${coveredBy.length === 1 ? "s" : ""} ${covering}`;
      return `spec changes ${since} (${counts(changes.summary)}) need a ${required} changeset: ${coveredBy.join(", ")} ${gives}`;
    }
    // Name the doc sets the pending changesets leave short, with the changes that need more.
    const short = changes.docsets
      .filter((d) => BUMPS.indexOf(d.diff.bump) > BUMPS.indexOf(covering))
      .map((d) => {
        const kind = worstKind(d.diff.changes);
        const top = d.diff.changes.filter((c) => c.kind === kind);
        const examples = top.slice(0, EXAMPLES).map((c) => `${changeScope(c)}: ${c.what}`);
        const more = top.length > EXAMPLES ? "; …" : "";
        const verb = { added: "is new", removed: "was removed", changed: "changed" }[d.status];
        return `${d.file} ${verb} ${since} (${kindCount(kind, top.length)}: ${examples.join("; ")}${more})`;
      });
    const pendingText =
      covering === "none"
        ? "no pending changeset releases @ontap-rest/openapi or its fixed group"
        : `the pending ones give ${covering}`;
    return `${short.join(", ")}: a ${required} changeset is needed, ${pendingText}. Run pnpm changeset:spec.`;
  }
}

export function sinceText(baseline: Baseline): string {
  return baseline.ref !== undefined ? `since ${baseline.label}` : "before the first release";
}

function worstKind(changes: Change[]): Kind {
  for (const kind of ["breaking", "feature", "fix"] as const)
    if (changes.some((c) => c.kind === kind)) return kind;
  return "fix";
}

function kindCount(kind: Kind, n: number): string {
  const [one, many] = {
    breaking: ["breaking change", "breaking changes"],
    feature: ["feature", "features"],
    fix: ["fix", "fixes"],
  }[kind];
  return `${n} ${n === 1 ? one : many}`;
}
