import { basename, resolve } from "node:path";
import { loadSpec, SpecLoadError } from "@ontap-rest/diff";
import { findBaseline, type Baseline } from "./baseline.js";
import { ChangesetSpecError } from "./errors.js";
import { specChanges, type SpecChanges } from "./required-bump.js";
import { docsetOf, readWorkingSpecs, type SpecSet } from "./specs.js";

/** `--old <file> --new <file>`: two spec files of one doc set, instead of git and spec/. */
export interface SpecFiles {
  old: string;
  new: string;
}

export interface CompareOptions {
  /** The git ref of the previous release (default: the newest release tag). */
  since?: string;
  /** Two spec files compared instead (a team's own doc set, or any two versions). */
  files?: SpecFiles;
}

/** The spec changes to release: git's previous release against spec/, or the two files. */
export function compareSpecs(cwd: string, options: CompareOptions = {}): SpecChanges {
  if (!options.files) return specChanges(findBaseline(cwd, options.since), readWorkingSpecs(cwd));
  const { baseline, current } = readSpecFiles(cwd, options.files);
  return specChanges(baseline, current);
}

/**
 * The two files as a baseline and the current specs of one doc set, named by a file name as
 * spec/ has them (`ontap-<docset>.openapi.yaml`, the new one's first), else by the new spec's
 * `info.version` (what `ontap-rest-ingest --docset` writes). Read with @ontap-rest/diff's
 * loadSpec (js-yaml: a 20 MB spec in about 1 s, where `yaml` takes 7 s).
 */
export function readSpecFiles(
  cwd: string,
  files: SpecFiles,
): { baseline: Baseline; current: SpecSet } {
  const read = (file: string) => {
    try {
      return loadSpec(resolve(cwd, file));
    } catch (e) {
      if (!(e instanceof SpecLoadError)) throw e;
      throw new ChangesetSpecError(e.message.replace(resolve(cwd, file), file));
    }
  };
  const before = read(files.old);
  const after = read(files.new);
  const version = (after as { info?: { version?: unknown } }).info?.version;
  const docset =
    docsetOf(basename(files.new)) ??
    docsetOf(basename(files.old)) ??
    (typeof version === "string" && version !== "" ? version : undefined);
  if (docset === undefined)
    throw new ChangesetSpecError(
      `${files.new}: expected a file named ontap-<docset>.openapi.yaml or an info.version naming the doc set`,
    );
  return {
    baseline: { label: files.old, ref: files.old, specs: new Map([[docset, before]]) },
    current: new Map([[docset, after]]),
  };
}
