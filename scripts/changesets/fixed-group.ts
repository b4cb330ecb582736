import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ChangesetSpecError } from "./errors.js";

/** The package the specs ship in; its fixed group is the one the spec changes release. */
export const SPEC_PACKAGE = "@ontap-rest/openapi";

/**
 * The packages whose published content is made from the specs: the specs themselves, the
 * types and the error catalog generated from them, and the client typed by them. The
 * changeset names these, so that their changelogs say what changed. The other members of
 * the fixed group (the ingester, the job poller, the diff) get the version, not the entry:
 * their content does not change with the specs. This is not in .changeset/config.json (a
 * fixed group says what moves together, not what changed), hence the list.
 */
export const SPEC_PACKAGES = [
  "@ontap-rest/openapi",
  "@ontap-rest/types",
  "@ontap-rest/errors",
  "@ontap-rest/client",
] as const;

/** A fixed group of .changeset/config.json: its patterns, and whether a package is in it. */
export interface FixedGroup {
  patterns: string[];
  has(name: string): boolean;
}

/**
 * The fixed group of .changeset/config.json that holds @ontap-rest/openapi. Packages in a
 * fixed group are released together at one version, so a changeset for any of them releases
 * the specs too. Without such a group, only changesets for @ontap-rest/openapi itself count.
 */
export function specGroup(cwd: string): FixedGroup {
  const file = join(cwd, ".changeset", "config.json");
  let config: { fixed?: unknown };
  try {
    config = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new ChangesetSpecError(
      `.changeset/config.json: expected a readable JSON file (${(e as Error).message})`,
    );
  }
  const groups = Array.isArray(config.fixed) ? (config.fixed as unknown[]) : [];
  for (const group of groups) {
    if (!Array.isArray(group) || !group.every((p) => typeof p === "string")) continue;
    const fixed = matcher(group);
    if (fixed.has(SPEC_PACKAGE)) return fixed;
  }
  return matcher([SPEC_PACKAGE]);
}

/**
 * Changesets matches group entries as globs (micromatch), `!` excluding: `@ontap-rest/*`,
 * `!@ontap-rest/spec`. Package names only need `*` (any characters but `/`) and `!`.
 */
function matcher(patterns: string[]): FixedGroup {
  const toRegex = (glob: string) =>
    new RegExp(
      `^${glob
        .split("*")
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
        .join("[^/]*")}$`,
    );
  const include = patterns.filter((p) => !p.startsWith("!")).map(toRegex);
  const exclude = patterns.filter((p) => p.startsWith("!")).map((p) => toRegex(p.slice(1)));
  return {
    patterns,
    has: (name) => include.some((r) => r.test(name)) && !exclude.some((r) => r.test(name)),
  };
}
