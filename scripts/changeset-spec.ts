// `pnpm changeset:spec`: the changeset the spec changes since the previous release call for.
// `tsx scripts/changeset-spec.ts --check` (run by `pnpm test`): fails when they are not covered.
//
// The previous release is the newest @ontap-rest/openapi@<version> tag reachable from HEAD
// (`changeset tag` makes it at publish; none yet: every doc set is new), or `--since <ref>`.
// Each doc set's spec there is diffed with spec/ontap-<docset>.openapi.yaml in the working
// tree by @ontap-rest/diff: breaking → major, feature → minor, fix → patch. `--old <file>
// --new <file>` compares two spec files of one doc set instead (a team's own doc set, or two
// versions outside git; the bench's 1,500-operation pair), named by a file name
// `ontap-<docset>.openapi.yaml` or the new spec's `info.version`. The library is in
// scripts/changesets/; this file only reads the arguments and prints.
import { realpathSync } from "node:fs";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { checkCoverage, sinceText } from "./changesets/coverage.js";
import { ChangesetSpecError } from "./changesets/errors.js";
import { writeSpecChangeset } from "./changesets/write-changeset.js";
import { counts } from "./changesets/summary.js";

const USAGE =
  "usage: tsx scripts/changeset-spec.ts [--check] [--since <git-ref> | --old <spec-file> --new <spec-file>]";

/**
 * Exit codes: 0 written (or nothing to write) / covered, 1 not covered (`--check`), 2 bad usage
 * or something that stops the comparison (no git, not a repository, an unreadable spec).
 * `cwd` is the repository root: the one holding spec/ and .changeset/.
 */
export async function main(
  argv: readonly string[],
  cwd = process.cwd(),
  stdout: (text: string) => unknown = (text) => process.stdout.write(text),
  stderr: (text: string) => unknown = (text) => process.stderr.write(text),
): Promise<number> {
  let values: { check?: boolean; since?: string; old?: string; new?: string; help?: boolean };
  try {
    const parsed = parseArgs({
      args: [...argv],
      options: {
        check: { type: "boolean" },
        since: { type: "string" },
        old: { type: "string" },
        new: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: false,
    });
    values = parsed.values;
  } catch (e) {
    stderr(`changeset:spec: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    stdout(`${USAGE}\n`);
    return 0;
  }
  if (values.since === "") {
    stderr(`changeset:spec: --since needs a git ref\n${USAGE}\n`);
    return 2;
  }
  // Two files, both named: one alone has nothing to be compared with, and git is not asked.
  const fileOptions = [values.old, values.new].filter((v) => v !== undefined).length;
  if (fileOptions === 1 || values.old === "" || values.new === "") {
    stderr(`changeset:spec: --old and --new each need a spec file, and go together\n${USAGE}\n`);
    return 2;
  }
  if (fileOptions === 2 && values.since !== undefined) {
    stderr(
      `changeset:spec: --since compares with git; --old and --new with a file: not both\n${USAGE}\n`,
    );
    return 2;
  }
  const options = {
    since: values.since,
    files: fileOptions === 2 ? { old: values.old!, new: values.new! } : undefined,
  };
  try {
    if (values.check) {
      const coverage = await checkCoverage(cwd, options);
      if (coverage.changes.baseline.note)
        stderr(`changeset:spec: ${coverage.changes.baseline.note}\n`);
      (coverage.ok ? stdout : stderr)(
        `${coverage.ok ? "" : "changeset:spec: "}${coverage.message}\n`,
      );
      for (const file of coverage.stale)
        stderr(
          `changeset:spec: ${file} (written by changeset:spec) no longer matches the spec changes: rerun pnpm changeset:spec\n`,
        );
      return coverage.ok ? 0 : 1;
    }
    const result = await writeSpecChangeset(cwd, options);
    const { baseline } = result.changes;
    if (baseline.note) stderr(`changeset:spec: ${baseline.note}\n`);
    for (const file of result.removed)
      stdout(`removed ${file} (written by changeset:spec before)\n`);
    if (result.upToDate) stdout(`${result.upToDate} is up to date\n`);
    else if (result.written) {
      const { file, content } = result.written;
      stdout(
        `wrote ${file} (${result.changes.bump}: ${counts(result.changes.summary)}):\n\n${content}`,
      );
    } else stdout(`no spec changes ${sinceText(baseline)}: no changeset written\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof ChangesetSpecError)) throw e;
    stderr(`changeset:spec: ${e.message}\n`);
    return 2;
  }
}

// Run as a script (not when a test imports main).
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
