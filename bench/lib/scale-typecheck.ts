/**
 * A user's type-check cost side by side (`pnpm bench:scale`): the consumer program of the
 * 13-operation doc set and of the 1,500-operation one, `tsc --noEmit --extendedDiagnostics`
 * (skipLibCheck, as `tsconfig.check.json` of bench/lib/scale-project.ts has it), one after
 * the other, `rounds` times, so both see the same load. The target's ratio is the 1,500 one's
 * wall time over the 13 one's, pair by pair; on a machine shared with other work, the median
 * pair is the figure (a single pair may straddle a burst of load).
 */
import { runNode, TSC, tscFigures, type TscFigures } from "./scale-project.js";

export interface Check extends TscFigures {
  /** Wall time of the `tsc` process, s. */
  seconds: number;
  /** Its peak RSS, MB. */
  peakMB: number;
  /** TS2589 ("excessively deep") and TS2590 ("too complex") lines of its output. */
  deepErrors: string[];
}

/** `tsc --noEmit --extendedDiagnostics` of the consumer project in `dir`; throws on a type error. */
export function checkConsumer(dir: string): Check {
  const r = runNode([TSC, "-p", "tsconfig.check.json", "--extendedDiagnostics"], dir);
  const output = r.stdout + r.stderr;
  if (r.status !== 0) throw new Error(`tsc --noEmit in ${dir}:\n${output.slice(0, 4000)}`);
  const deepErrors = output.split("\n").filter((line) => /TS2589|TS2590/.test(line));
  return { ...tscFigures(output), seconds: r.seconds, peakMB: r.peakMB, deepErrors };
}

export interface Pair {
  small: Check;
  large: Check;
  /** large.seconds / small.seconds */
  ratio: number;
}

/** `rounds` pairs: the small project checked, then the large one. */
export function checkSideBySide(small: string, large: string, rounds: number): Pair[] {
  return Array.from({ length: rounds }, () => {
    const s = checkConsumer(small);
    const l = checkConsumer(large);
    return { small: s, large: l, ratio: l.seconds / s.seconds };
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const f = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : "–");

/** The pairs as a markdown table, by run (`runs[r]` are run r + 1's pairs). */
export function sideBySideTable(runs: readonly (readonly Pair[])[], largeName: string): string[] {
  const lines = [
    "| run | pair | doc set | check s | total s | wall s | instantiations | memory MB | peak RSS MB | ratio (wall) |",
    "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const [r, pairs] of runs.entries())
    for (const [i, pair] of pairs.entries())
      for (const [name, c] of [
        ["13 operations (9.9.1)", pair.small],
        [largeName, pair.large],
      ] as const)
        lines.push(
          `| ${r + 1} | ${i + 1} | ${name} | ${f(c.checkSeconds)} | ${f(c.totalSeconds)} | ${f(c.seconds)} | ${c.instantiations} | ${f(c.memoryMB, 0)} | ${f(c.peakMB, 0)} | ${c === pair.large ? `${f(pair.ratio, 2)}×` : "1.00×"} |`,
        );
  return lines;
}
