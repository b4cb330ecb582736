/**
 * A problem the user can act on (no git, not a repository, an unknown `--since` ref, a spec
 * that does not parse): the CLI prints its message alone, without a stack, and exits 2.
 */
export class ChangesetSpecError extends Error {
  override name = "ChangesetSpecError";
}
