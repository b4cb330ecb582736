import { spawnSync } from "node:child_process";
import { ChangesetSpecError } from "./errors.js";

export interface GitResult {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `git <args>` in `cwd` and returns its exit status and output; a failing command is the
 * caller's to judge (a missing tag is an answer, not an error). Only a git that cannot be run
 * at all throws.
 */
export function git(cwd: string, args: readonly string[]): GitResult {
  const result = spawnSync("git", args, {
    cwd,
    encoding: "utf8",
    // A spec is tens of kB today; the default 1 MB would cut off a large doc set silently.
    maxBuffer: 256 * 1024 * 1024,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    throw new ChangesetSpecError(
      code === "ENOENT"
        ? "git: not found on PATH (the previous release's specs are read from its git tag)"
        : `git: ${result.error.message}`,
    );
  }
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

/** `git <args>` that must succeed: its stdout, else a ChangesetSpecError quoting git. */
export function gitOk(cwd: string, args: readonly string[]): string {
  const result = git(cwd, args);
  if (result.status !== 0)
    throw new ChangesetSpecError(
      `git ${args.join(" ")}: ${result.stderr.trim() || `exit ${result.status}`}`,
    );
  return result.stdout;
}

/** Throws a clear error unless `cwd` is inside a git work tree. */
export function assertRepository(cwd: string): void {
  const result = git(cwd, ["rev-parse", "--is-inside-work-tree"]);
  if (result.status !== 0 || result.stdout.trim() !== "true")
    throw new ChangesetSpecError(
      `${cwd}: not a git repository (the previous release's specs are read from its git tag; run this in the repo)`,
    );
}
