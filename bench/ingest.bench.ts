/**
 * Ingest throughput: `pnpm bench:ingest` (tsx bench/ingest.bench.ts).
 *
 * Builds a corpus from the real pages of spec/sources/{9.9.1,latest,9.7}, replicated 1×, 10×
 * and 100× under renamed paths (every copy's API paths get an `-r<N>` suffix, so copies are
 * distinct operations, not merges of one), and ingests each corpus as one doc set in-process:
 * `ingest` then `toYaml`, as the CLI does minus file I/O. Warm-up first, then rounds that
 * interleave the scales (load from other processes falls on every scale alike).
 *
 * Two ways of timing, both medians:
 * - single runs: one `ingest` + `toYaml` per sample (what one CLI run on that corpus costs);
 * - equal work: 1× and 10× are timed in batches of 100 and 10 runs, so every sample ingests
 *   600 pages and pays for the garbage collection its work causes. A single small run mostly
 *   finishes before the collector runs, which flatters it in the growth ratio.
 * Also times the stages: reading the pages (`readPage`, run separately on the same pages),
 * the rest of `ingest` (reconciliation and emission) and `toYaml`.
 *
 * Targets: ≥ 1,000 pages/s; 100× the input in ≤ 110× the time of 1×.
 */
import { readFileSync, readdirSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { Diagnostics, decodePage, ingest, readPage, toYaml } from "../packages/ingest/src/index.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DOC_SETS = ["9.9.1", "latest", "9.7"];
const SCALES = [1, 10, 100];
/** Single runs per scale in each round. */
const PER_ROUND: Record<number, number> = { 1: 9, 10: 2, 100: 1 };
/** Runs per equal-work sample (one sample per round). */
const BATCH: Record<number, number> = { 1: 100, 10: 10, 100: 1 };
const ROUNDS = 7;
const TARGET_PAGES_PER_S = 1_000;
const TARGET_GROWTH = 110;

interface Page {
  file: string;
  text: string;
}

const originals: Page[] = DOC_SETS.flatMap((set) =>
  readdirSync(`${ROOT}spec/sources/${set}`)
    .filter((name) => name !== "docset.yaml" && !name.startsWith("."))
    .sort()
    .map((name) => {
      const file = `spec/sources/${set}/${name}`;
      return { file, text: decodePage(readFileSync(`${ROOT}${file}`), file, new Diagnostics()) };
    }),
);

const FAMILIES = /(security\/azure-key-vaults|cluster\/jobs)(?![\w-])/g;
const METHOD = /^(\W*)(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)(\s+\/?)([^\s/`*{]+)([^\s`*]*)/gm;

/** Copy `r` of a page: every API path gets `-r<r>` on its family, so no two copies merge. */
function renamed(text: string, r: number): string {
  const suffix = `-r${r}`;
  return (
    text
      .replace(FAMILIES, `$1${suffix}`)
      // Any other `METHOD /path` line: suffix its first segment (unless already renamed).
      .replace(METHOD, (all, pre, method, sep, first: string, rest: string) =>
        `${first}${rest}`.includes(suffix) ? all : `${pre}${method}${sep}${first}${suffix}${rest}`,
      )
  );
}

function corpus(scale: number): Page[] {
  const pages: Page[] = [];
  for (let r = 1; r <= scale; r++)
    for (const p of originals) pages.push({ file: `r${r}/${p.file}`, text: renamed(p.text, r) });
  return pages;
}

function operationCount(doc: Record<string, unknown>): number {
  return Object.values(doc.paths as Record<string, object>).reduce(
    (n, item) => n + Object.keys(item).length,
    0,
  );
}

interface Run {
  ingest: number;
  yaml: number;
  read: number;
}

function runOnce(pages: readonly Page[]): Run & { operations: number } {
  let t = performance.now();
  const result = ingest(pages, { docset: "bench" });
  const ingestMs = performance.now() - t;
  t = performance.now();
  toYaml(result.document);
  const yamlMs = performance.now() - t;
  // Stage: reading the pages alone (ingest changes nothing in them).
  t = performance.now();
  const diagnostics = new Diagnostics();
  for (const p of pages) readPage(p, diagnostics);
  const readMs = performance.now() - t;
  return {
    ingest: ingestMs,
    yaml: yamlMs,
    read: readMs,
    operations: operationCount(result.document),
  };
}

/** Milliseconds per run of `ingest` + `toYaml`, over `n` runs back to back. */
function runBatch(pages: readonly Page[], n: number): number {
  const t = performance.now();
  for (let i = 0; i < n; i++) toYaml(ingest(pages, { docset: "bench" }).document);
  return (performance.now() - t) / n;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function cpuModel(): string {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((l) => l.startsWith("model name"));
    return line?.split(":")[1]?.trim() ?? "unknown";
  } catch {
    return "unknown";
  }
}

const fmt = (n: number, digits = 3): string => n.toFixed(digits);

// ---------------------------------------------------------------------------------------------

const corpora = new Map(SCALES.map((s) => [s, corpus(s)]));
const bytesOf = (pages: readonly Page[]): number =>
  pages.reduce((n, p) => n + Buffer.byteLength(p.text, "utf8"), 0);

// Warm-up: the JIT and the heap, at every scale.
for (let i = 0; i < 20; i++) runOnce(corpora.get(1)!);
for (const s of SCALES) runBatch(corpora.get(s)!, BATCH[s]!);

const runs = new Map<number, Run[]>(SCALES.map((s) => [s, []]));
const batches = new Map<number, number[]>(SCALES.map((s) => [s, []]));
const operations = new Map<number, number>();
for (let round = 0; round < ROUNDS; round++) {
  for (const scale of SCALES) {
    const pages = corpora.get(scale)!;
    for (let i = 0; i < PER_ROUND[scale]!; i++) {
      const r = runOnce(pages);
      operations.set(scale, r.operations);
      runs.get(scale)!.push(r);
    }
    batches.get(scale)!.push(runBatch(pages, BATCH[scale]!));
  }
}

interface Row {
  scale: number;
  pages: number;
  mb: number;
  operations: number;
  /** Median single run. */
  seconds: number;
  /** Median per run in equal-work batches. */
  batchSeconds: number;
  ingestS: number;
  yamlS: number;
  readS: number;
}
const rows: Row[] = SCALES.map((scale) => {
  const pages = corpora.get(scale)!;
  const rs = runs.get(scale)!;
  return {
    scale,
    pages: pages.length,
    mb: bytesOf(pages) / 1e6,
    operations: operations.get(scale)!,
    seconds: median(rs.map((r) => r.ingest + r.yaml)) / 1000,
    batchSeconds: median(batches.get(scale)!) / 1000,
    ingestS: median(rs.map((r) => r.ingest)) / 1000,
    yamlS: median(rs.map((r) => r.yaml)) / 1000,
    readS: median(rs.map((r) => r.read)) / 1000,
  };
});

const base = rows[0]!;
console.log(`# Ingest benchmark (bench/ingest.bench.ts)`);
console.log(`date:    ${new Date().toISOString()}`);
console.log(`machine: ${cpuModel()}, ${availableParallelism()} cores, Node ${process.version}`);
console.log(
  `load:    ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")} (1/5/15 min, at the end)`,
);
console.log(
  `corpus:  ${originals.length} real pages (${DOC_SETS.join(", ")}) × scale, paths renamed per copy; ` +
    `ingest + toYaml in-process; ${ROUNDS} interleaved rounds after warm-up`,
);
console.log("");
console.log(
  `Single runs (median of ${SCALES.map((s) => PER_ROUND[s]! * ROUNDS).join("/")}); ` +
    `last two columns: equal work per sample (batches of ${SCALES.map((s) => BATCH[s]).join("/")} runs, median of ${ROUNDS})`,
);
console.log("");
console.log(
  "| scale | pages | MB | operations | seconds | pages/s | MB/s | time ÷ 1× | time/page ÷ 1× | seconds, equal work | time ÷ 1×, equal work |",
);
console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const r of rows) {
  const growth = r.seconds / base.seconds;
  const perPage = r.seconds / r.pages / (base.seconds / base.pages);
  console.log(
    `| ${r.scale}× | ${r.pages} | ${fmt(r.mb, 2)} | ${r.operations} | ${fmt(r.seconds, 4)} | ` +
      `${Math.round(r.pages / r.seconds)} | ${fmt(r.mb / r.seconds, 2)} | ${fmt(growth, 1)} | ${fmt(perPage, 2)} | ` +
      `${fmt(r.batchSeconds, 4)} | ${fmt(r.batchSeconds / base.batchSeconds, 1)} |`,
  );
}
console.log("");
console.log(
  "Stages (median seconds of single runs): readPage of every page | rest of ingest (reconcile, emit) | toYaml",
);
console.log("");
console.log("| scale | readPage | rest of ingest | toYaml |");
console.log("|---:|---:|---:|---:|");
for (const r of rows)
  console.log(
    `| ${r.scale}× | ${fmt(r.readS, 4)} | ${fmt(Math.max(0, r.ingestS - r.readS), 4)} | ${fmt(r.yamlS, 4)} |`,
  );

const last = rows[rows.length - 1]!;
const slowest = Math.min(...rows.map((r) => r.pages / r.seconds));
const growth = last.seconds / base.seconds;
const batchGrowth = last.batchSeconds / base.batchSeconds;
console.log("");
console.log(
  `target ≥ ${TARGET_PAGES_PER_S} pages/s: ${slowest >= TARGET_PAGES_PER_S ? "met" : "MISSED"} ` +
    `(slowest scale ${Math.round(slowest)} pages/s, ${fmt(slowest / TARGET_PAGES_PER_S, 2)}× the target)`,
);
console.log(
  `target ${last.scale}× input in ≤ ${TARGET_GROWTH}× the time: ` +
    `single runs ${growth <= TARGET_GROWTH ? "met" : "MISSED"} (${fmt(growth, 1)}×), ` +
    `equal work ${batchGrowth <= TARGET_GROWTH ? "met" : "MISSED"} (${fmt(batchGrowth, 1)}×)`,
);
const expected = base.operations * last.scale;
if (last.operations !== expected)
  console.log(
    `warning: ${last.scale}× gave ${last.operations} operations, expected ${expected} (copies merged?)`,
  );
