/**
 * `changeset:spec` at scale (`pnpm bench:scale`): the script as a team runs it,
 * `tsx scripts/changeset-spec.ts --old <spec> --new <spec>`, on the bench's 1,500-operation
 * spec and its copy changed in 50 places (scale.bench.ts's diff pair), in a folder of its own
 * (the changeset goes to its .changeset/, never to the repo's). Its time and peak RSS, and the
 * changeset it wrote: the count on its first line and the changes it names, one line each.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { ok, ROOT, runNode } from "./scale-project.js";

export interface ChangesetFigures {
  seconds: number;
  peakMB: number;
  /** The changeset's first line: `ONTAP API spec changes since …: 50 features`. */
  title: string;
  /** Distinct changes the changeset names (its `- **<docset>** …` lines). */
  named: number;
}

export function changesetBench(projectDir: string, oldSpec: string, newSpec: string) {
  const dir = join(projectDir, "changeset-spec");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tsx = join(ROOT, "node_modules/tsx/dist/esm/index.mjs");
  const script = join(ROOT, "scripts/changeset-spec.ts");
  const r = ok(
    "changeset:spec",
    runNode(
      ["--import", tsx, script, "--old", relative(dir, oldSpec), "--new", relative(dir, newSpec)],
      dir,
    ),
  );
  const files = readdirSync(join(dir, ".changeset")).filter((f) => f.endsWith(".md"));
  if (files.length !== 1) throw new Error(`changeset:spec wrote ${files.length} changesets`);
  const text = readFileSync(join(dir, ".changeset", files[0]!), "utf8");
  // After the front matter: the summary, its first line the title.
  const summary = text.split(/^---$/m)[2]!.trim().split("\n");
  const named = new Set(summary.filter((line) => /^- \*\*/.test(line)));
  return { seconds: r.seconds, peakMB: r.peakMB, title: summary[0]!, named: named.size };
}

/** One line per run. */
export function changesetLines(runs: ChangesetFigures[], expected: number): string[] {
  return runs.map(
    (c, r) =>
      `changeset:spec --old/--new, 1,500 operations, ${expected} changes: run ${r + 1}: ${c.seconds.toFixed(2)} s, ${c.peakMB.toFixed(0)} MB, ${c.named} changes named ("${c.title}")`,
  );
}
