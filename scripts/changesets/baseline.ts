import { ChangesetSpecError } from "./errors.js";
import { assertRepository, git, gitOk } from "./git.js";
import { docsetOf, parseSpec, SPEC_DIR, specFile, type SpecSet } from "./specs.js";

/**
 * `changeset tag` (run at publish) tags every released package; the specs ship in
 * @ontap-rest/openapi, so its tags mark the releases whose specs users have.
 */
export const RELEASE_TAG_PREFIX = "@ontap-rest/openapi@";

/** What the current specs are compared with. */
export interface Baseline {
  /** For people: the tag, the `--since` ref as given, the `--old` file, or "no release yet". */
  label: string;
  /**
   * The git ref the specs were read from (or the `--old` file); undefined when there is no
   * release yet.
   */
  ref?: string;
  specs: SpecSet;
  /** Something the reader should know about how the baseline was found (a shallow clone). */
  note?: string;
}

/**
 * The previous release's specs: those of `since` when given, else of the newest
 * `@ontap-rest/openapi@<version>` tag reachable from HEAD. No such tag (nothing released yet)
 * gives an empty baseline, so every doc set is new.
 */
export function findBaseline(cwd: string, since?: string): Baseline {
  assertRepository(cwd);
  if (since !== undefined) {
    const commit = commitOf(cwd, since);
    if (commit === undefined)
      throw new ChangesetSpecError(`--since ${since}: not a commit in this repository`);
    return { label: since, ref: since, specs: specsAt(cwd, commit, since) };
  }
  const tag = latestReleaseTag(cwd);
  if (tag !== undefined) {
    // `refs/tags/…`: a branch (or any ref) of the same name must not be read instead.
    const commit = commitOf(cwd, `refs/tags/${tag}`);
    if (commit === undefined) throw new ChangesetSpecError(`${tag}: not a commit`);
    return { label: tag, ref: tag, specs: specsAt(cwd, commit, tag) };
  }
  // A shallow clone (CI's default checkout) has no tags: say so, or a released repo would
  // look unreleased and every doc set new.
  const shallow = git(cwd, ["rev-parse", "--is-shallow-repository"]).stdout.trim() === "true";
  return {
    label: "no release yet",
    specs: new Map(),
    ...(shallow
      ? {
          note: `shallow clone: no ${RELEASE_TAG_PREFIX}* tag found; fetch the tags (fetch-depth: 0) if there was a release`,
        }
      : {}),
  };
}

/**
 * The newest release tag reachable from HEAD, by version rather than by commit distance: a
 * patch release made on a branch and merged later is still older than the last minor.
 */
export function latestReleaseTag(cwd: string): string | undefined {
  // A repository without a commit has no HEAD to be reachable from.
  if (git(cwd, ["rev-parse", "--verify", "--quiet", "HEAD"]).status !== 0) return undefined;
  // `--no-column`: with `column.ui=always` in the user's config, git lists them on one line.
  const tags = gitOk(cwd, [
    "tag",
    "--no-column",
    "--merged",
    "HEAD",
    "--list",
    `${RELEASE_TAG_PREFIX}*`,
  ])
    .split("\n")
    .map((line) => line.trim())
    .filter((tag) => parseVersion(tag.slice(RELEASE_TAG_PREFIX.length)) !== undefined);
  return tags.sort((a, b) =>
    compareVersions(a.slice(RELEASE_TAG_PREFIX.length), b.slice(RELEASE_TAG_PREFIX.length)),
  )[tags.length - 1];
}

/**
 * The commit `rev` names, as an object id, or undefined. The specs are then read by that id:
 * text from the command line (`--since`) never reaches another git command, where one that
 * starts with `-` would be read as an option (`git show --output=<file>` writes a file).
 */
function commitOf(cwd: string, rev: string): string | undefined {
  if (rev.startsWith("-")) return undefined;
  const result = git(cwd, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]);
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** The specs committed at `commit` (an object id), read with `git ls-tree` and `git show`. */
function specsAt(cwd: string, commit: string, label: string): SpecSet {
  const specs: SpecSet = new Map();
  // `ls-tree` of a folder that did not exist then lists nothing: no doc sets. `-z`: otherwise
  // git quotes a name with a non-ASCII character (`"spec/ontap-caf\303\251…"`), which
  // would then not look like a spec file. Blobs only: a folder named like a spec is not one.
  const entries = gitOk(cwd, ["ls-tree", "-z", commit, "--", `${SPEC_DIR}/`])
    .split("\0")
    .filter((entry) => entry.split(" ")[1] === "blob");
  const names = entries.map((entry) => entry.slice(entry.lastIndexOf("/") + 1)).sort();
  for (const name of names) {
    const docset = docsetOf(name);
    if (docset === undefined) continue;
    // `./`: the path is relative to cwd, as ls-tree listed it (not to the repository root).
    const text = gitOk(cwd, ["show", `${commit}:./${specFile(docset)}`]);
    specs.set(docset, parseSpec(text, `${label}:${specFile(docset)}`));
  }
  return specs;
}

type Version = { core: [number, number, number]; pre: string[] };

function parseVersion(text: string): Version | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(text);
  if (!m) return undefined;
  return { core: [Number(m[1]), Number(m[2]), Number(m[3])], pre: m[4]?.split(".") ?? [] };
}

/** Semver precedence (a prerelease comes before its release); invalid versions sort first. */
export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) return (x ? 1 : 0) - (y ? 1 : 0);
  for (let i = 0; i < 3; i++) if (x.core[i] !== y.core[i]) return x.core[i]! - y.core[i]!;
  if (x.pre.length === 0 || y.pre.length === 0) return y.pre.length - x.pre.length;
  for (let i = 0; i < Math.min(x.pre.length, y.pre.length); i++) {
    const [p, q] = [x.pre[i]!, y.pre[i]!];
    if (p === q) continue;
    const [pn, qn] = [/^\d+$/.test(p), /^\d+$/.test(q)];
    if (pn && qn) return Number(p) - Number(q);
    if (pn !== qn) return pn ? -1 : 1; // numeric identifiers sort before alphanumeric ones
    return p < q ? -1 : 1;
  }
  return x.pre.length - y.pre.length;
}
