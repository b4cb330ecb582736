// Writes the files of one generated folder.
//
// The folder belongs to its generator: a file the generator no longer writes (a doc set that
// was removed) is deleted, so the folder always holds exactly one run's output. Files whose
// bytes did not change are not rewritten, so watchers and editors see no change either.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";

/**
 * Makes `dir` hold exactly `files` (name → content). `dir` must be named `generated`: the
 * repo's convention for generated code (prettier and reviewers skip it), and a guard against
 * deleting files from a folder given by mistake.
 */
export function writeGenerated(dir: string, files: ReadonlyMap<string, string | Uint8Array>): void {
  if (basename(dir) !== "generated") {
    throw new Error(`${dir}: a generated folder must be named "generated"`);
  }
  for (const name of files.keys()) {
    if (name !== basename(name)) throw new Error(`${name}: not a plain file name`);
  }
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && !files.has(entry.name)) rmSync(join(dir, entry.name));
  }
  for (const [name, content] of files) {
    const file = join(dir, name);
    const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    if (existsSync(file) && readFileSync(file).equals(bytes)) continue;
    writeFileSync(file, bytes);
  }
}
