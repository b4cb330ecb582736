import { rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import writeChangeset from "@changesets/write";
import { compareSpecs, type CompareOptions } from "./files.js";
import { SPEC_PACKAGES } from "./fixed-group.js";
import { pendingChangesets, type PendingChangeset } from "./pending.js";
import { type SpecChanges } from "./required-bump.js";
import { changesetSummary, isSpecChangeset } from "./summary.js";

export interface WriteResult {
  changes: SpecChanges;
  /** The changeset written (`.changeset/<id>.md`, relative to cwd) and its content. */
  written?: { file: string; content: string };
  /** A changeset this command wrote before that already says the same: kept as it is. */
  upToDate?: string;
  /** Changesets this command wrote before, removed: replaced, or the changes are gone. */
  removed: string[];
}

/**
 * Writes the changeset the spec changes since the previous release call for, with
 * @changesets/write: the packages made from the specs, with the bump the diff calls for, and
 * a summary of the changes. A changeset this command wrote before is replaced (or kept, when
 * it says the same), so reruns never pile up; with no changes nothing is written.
 */
export async function writeSpecChangeset(
  cwd: string,
  options: CompareOptions = {},
): Promise<WriteResult> {
  const changes = compareSpecs(cwd, options);
  const previous = (await pendingChangesets(cwd)).filter((c) => isSpecChangeset(c.summary));
  const file = (c: PendingChangeset) => `.changeset/${c.id}.md`;
  const remove = (stale: PendingChangeset[]) =>
    stale.map((c) => {
      rmSync(join(cwd, file(c)));
      return file(c);
    });
  if (changes.bump === "none") return { changes, removed: remove(previous) };

  const changeset = specChangeset(changes);
  const same = previous.find((c) => sameChangeset(c, changeset));
  if (same)
    return { changes, upToDate: file(same), removed: remove(previous.filter((c) => c !== same)) };

  const removed = remove(previous);
  const id = await writeChangeset(changeset, cwd);
  const written = `.changeset/${id}.md`;
  return {
    changes,
    written: { file: written, content: await readFile(join(cwd, written), "utf8") },
    removed,
  };
}

/** The changeset the spec changes call for: the packages made from the specs, and the summary. */
export function specChangeset(changes: SpecChanges): Omit<PendingChangeset, "id"> {
  return {
    summary: changesetSummary(changes),
    releases: SPEC_PACKAGES.map((name) => ({ name, type: changes.bump })),
  };
}

/**
 * Whether changeset:spec would write `b` again over `a`: the same releases and summary
 * (changesets trims the summary it reads). Any other difference, a hand edit too, is not.
 */
export function sameChangeset(a: PendingChangeset, b: Omit<PendingChangeset, "id">): boolean {
  const releases = (c: Omit<PendingChangeset, "id">) =>
    c.releases
      .map((r) => `${r.name}:${r.type}`)
      .sort()
      .join(",");
  return releases(a) === releases(b) && a.summary.trim() === b.summary.trim();
}
