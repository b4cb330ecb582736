import { existsSync } from "node:fs";
import { join } from "node:path";
import readChangesets from "@changesets/read";
import { ChangesetSpecError } from "./errors.js";

export type ReleaseType = "major" | "minor" | "patch" | "none";

export interface PendingChangeset {
  /** The file name without `.md`: `.changeset/<id>.md`. */
  id: string;
  summary: string;
  releases: { name: string; type: ReleaseType }[];
}

/**
 * The changesets waiting in .changeset/ (what the next `changeset version` applies), parsed
 * by changesets itself so that this reads them exactly as the release will.
 */
export async function pendingChangesets(cwd: string): Promise<PendingChangeset[]> {
  if (!existsSync(join(cwd, ".changeset"))) return [];
  try {
    return await readChangesets(cwd);
  } catch (e) {
    throw new ChangesetSpecError(`.changeset/: ${(e as Error).message}`);
  }
}
