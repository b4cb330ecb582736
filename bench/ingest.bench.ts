/**
 * Ingest throughput on real pages: `pnpm bench:ingest` (tsx bench/ingest.bench.ts).
 *
 * The pages as they are, no synthetic page: NetApp's AsciiDoc source and saved web pages of
 * the development corpus (../shared/ontap-docs/corpus/{adoc,web}; a group is left out with
 * one line when that folder is absent) and the seed doc sets' pages (spec/sources). Pages are
 * grouped by rendering (as `detectRendering` tells it), and each group is ingested as one doc
 * set in-process: `ingest` then `toYaml`, as the CLI does minus file I/O.
 *
 * Scales: 1× (the pages) and 10× (ten renamed copies: every API path's first segment gets
 * `-r<N>`, and AsciiDoc definition names `_r<N>` (anchors, `link:#…[…]` types, title lines),
 * so copies are distinct operations and components, not merges of one). Warm-up first, then
 * rounds that interleave groups and scales (load from other processes falls on all alike).
 * Each sample does equal work: 1× is timed as 10 runs back to back, 10× as one run, so both
 * pay for the garbage collection their work causes (a lone small run mostly ends before the
 * collector starts, which would flatter it in the growth ratio).
 *
 * Reference line: Asciidoctor.js (`@asciidoctor/core`, the test oracle of our AsciiDoc table
 * reader) parsing the same AsciiDoc pages, one `load` per page.
 *
 * Targets: AsciiDoc ingest >= 10 MB/s; 10× the pages in <= 11× the time.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  Diagnostics,
  decodePage,
  detectRendering,
  ingest,
  readPage,
  toYaml,
} from "../packages/ingest/src/index.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CORPUS = `${ROOT}../shared/ontap-docs/corpus`;
const SEED_SETS = ["9.9.1", "latest", "9.7"];
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const TARGET_MB_S = 10;
const TARGET_GROWTH = 11;

interface Page {
  file: string;
  text: string;
}

function readFolder(dir: string, keep: (name: string) => boolean): Page[] {
  return readdirSync(dir)
    .filter(keep)
    .sort()
    .map((name) => {
      const file = `${dir}/${name}`;
      return { file, text: decodePage(readFileSync(file), file, new Diagnostics()) };
    });
}

const groups = new Map<string, Page[]>();
const absent: string[] = [];
const add = (name: string, pages: Page[]): void => {
  for (const p of pages) {
    const key = `${name}: ${detectRendering(p.text.split("\n"))}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
};
if (existsSync(`${CORPUS}/adoc`))
  add(
    "corpus",
    readFolder(`${CORPUS}/adoc`, (n) => n.endsWith(".adoc")),
  );
else absent.push(`${CORPUS}/adoc`);
if (existsSync(`${CORPUS}/web`))
  add(
    "corpus",
    readFolder(`${CORPUS}/web`, (n) => n.endsWith(".txt")),
  );
else absent.push(`${CORPUS}/web`);
add(
  "seed",
  SEED_SETS.flatMap((set) =>
    readFolder(`${ROOT}spec/sources/${set}`, (n) => n !== "docset.yaml" && !n.startsWith(".")),
  ),
);
const ORDER = ["corpus: adoc", "corpus: text", "corpus: pipe", "corpus: pdf"];
const names = [...groups.keys()].sort(
  (a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b),
);

// ---------------------------------------------------------------------------------------------
// Renamed copies.

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** First segments of the API paths the pages print (`/cluster/…`, `/api/storage/…`). */
function firstSegments(pages: readonly Page[]): string[] {
  const out = new Set<string>();
  for (const p of pages)
    for (const m of p.text.matchAll(
      /(?:^|[\s`"'(])(?:\/api)?\/([a-z][\w-]*)\/?[\w{}.\-/]*(?=[`"'\s?)]|$)/gm,
    ))
      if (m[1] !== "api") out.add(m[1]!);
  return [...out].sort((a, b) => b.length - a.length);
}

function renamer(pages: readonly Page[]): (text: string, r: number) => string {
  const segments = firstSegments(pages);
  const path = new RegExp(
    `(^|[\\s\`"'(\\[#])(/api)?/(${segments.map(escape).join("|")})(?=[/\`"'\\s?)\\]#]|$)`,
    "gm",
  );
  return (text, r) => {
    let out = segments.length ? text.replace(path, `$1$2/$3-r${r}`) : text;
    // AsciiDoc definitions: `[#name]`, its title line, and `link:#name[name]` references.
    const defs = new Set([...out.matchAll(/^\[#([A-Za-z_][\w.-]*)\]\s*$/gm)].map((m) => m[1]!));
    if (defs.size) {
      const alt = [...defs].map(escape).join("|");
      out = out
        .replace(new RegExp(`^\\[#(${alt})\\]\\s*$`, "gm"), `[#$1_r${r}]`)
        .replace(new RegExp(`^(${alt})\\s*$`, "gm"), `$1_r${r}`)
        .replace(new RegExp(`link:#(${alt})\\[(${alt})\\]`, "g"), `link:#$1_r${r}[$2_r${r}]`);
    }
    return out;
  };
}

function copies(pages: readonly Page[], scale: number): Page[] {
  if (scale === 1) return [...pages];
  const rename = renamer(pages);
  const out: Page[] = [];
  for (let r = 1; r <= scale; r++)
    for (const p of pages) out.push({ file: `r${r}/${p.file}`, text: rename(p.text, r) });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Timing.

function operationCount(doc: Record<string, unknown>): number {
  return Object.values(doc.paths as Record<string, object>).reduce(
    (n, item) => n + Object.keys(item).length,
    0,
  );
}
function componentCount(doc: Record<string, any>): number {
  return Object.keys(doc.components?.schemas ?? {}).length;
}

interface Sample {
  /** Wall-clock milliseconds per run. */
  wall: number;
  /** CPU milliseconds per run (user + system, every thread of the process: GC included). */
  cpu: number;
}

/**
 * One sample: `ingest` + `toYaml` run `n` times back to back. On a machine shared with other
 * work, wall time counts the time the scheduler gives to others; CPU time does not.
 */
function runBatch(pages: readonly Page[], n: number): Sample {
  const t = performance.now();
  const c = process.cpuUsage();
  for (let i = 0; i < n; i++) toYaml(ingest(pages, { docset: "bench" }).document);
  const used = process.cpuUsage(c);
  return { wall: (performance.now() - t) / n, cpu: (used.user + used.system) / 1000 / n };
}

/** Stages of one run: readPage of every page (a separate pass), the rest of ingest, toYaml. */
function stages(pages: readonly Page[]): { read: number; rest: number; yaml: number } {
  let t = performance.now();
  const d = new Diagnostics();
  for (const p of pages) readPage(p, d);
  const read = performance.now() - t;
  t = performance.now();
  const { document } = ingest(pages, { docset: "bench" });
  const all = performance.now() - t;
  t = performance.now();
  toYaml(document);
  return { read, rest: Math.max(0, all - read), yaml: performance.now() - t };
}

const median = (xs: readonly number[]): number => {
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

const bytesOf = (pages: readonly Page[]): number =>
  pages.reduce((n, p) => n + Buffer.byteLength(p.text, "utf8"), 0);

// ---------------------------------------------------------------------------------------------

const loadStart = loadavg()[0]!;
const corpora = new Map(
  names.map((g) => [g, [copies(groups.get(g)!, 1), copies(groups.get(g)!, 10)]]),
);
const shapes = new Map(
  names.map((g) => {
    const [one, ten] = corpora.get(g)!;
    const a = ingest(one!, { docset: "bench" }).document;
    const b = ingest(ten!, { docset: "bench" }).document;
    return [
      g,
      {
        ops: [operationCount(a), operationCount(b)],
        comps: [componentCount(a), componentCount(b)],
      },
    ];
  }),
);

// Asciidoctor.js on the same AsciiDoc pages (1×), one `load` per page.
const adocPages = groups.get("corpus: adoc") ?? [];
let asciidoctor: ((pages: readonly Page[]) => Promise<Sample>) | undefined;
if (adocPages.length) {
  // A devDependency of @ontap-rest/ingest (its test oracle): resolved from there, its ESM entry.
  const cjs = createRequire(`${ROOT}packages/ingest/package.json`).resolve("@asciidoctor/core");
  const entry = pathToFileURL(join(dirname(cjs), "../../src/index.js")).href;
  const { load, LoggerManager, MemoryLogger } = (await import(
    entry
  )) as typeof import("@asciidoctor/core");
  LoggerManager.setLogger(new MemoryLogger());
  asciidoctor = async (pages) => {
    const t = performance.now();
    const c = process.cpuUsage();
    for (const p of pages) await load(p.text, { safe: "secure" });
    const used = process.cpuUsage(c);
    return { wall: performance.now() - t, cpu: (used.user + used.system) / 1000 };
  };
}

// Warm-up: the JIT and the heap, every group at both scales.
for (const g of names) {
  const [one, ten] = corpora.get(g)!;
  runBatch(one!, 3);
  runBatch(ten!, 1);
}
if (asciidoctor) for (let i = 0; i < 2; i++) await asciidoctor(adocPages);

const samples = new Map<string, [Sample[], Sample[]]>(names.map((g) => [g, [[], []]]));
const reference: Sample[] = [];
const stageSamples: { read: number; rest: number; yaml: number }[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const g of names) {
    const [one, ten] = corpora.get(g)!;
    const [s1, s10] = samples.get(g)!;
    s1.push(runBatch(one!, 10));
    s10.push(runBatch(ten!, 1));
  }
  if (adocPages.length) stageSamples.push(stages(adocPages));
  if (asciidoctor) reference.push(await asciidoctor(adocPages));
}
const loadEnd = loadavg()[0]!;

// ---------------------------------------------------------------------------------------------
// Report (Markdown, ready for BENCHMARKS.md).

const fmt = (n: number, digits = 2): string => n.toFixed(digits);
const int = (n: number): string => Math.round(n).toLocaleString("en-US");
console.log(`# Ingest benchmark (bench/ingest.bench.ts)`);
console.log(`date:    ${new Date().toISOString()}`);
console.log(`machine: ${cpuModel()}, ${availableParallelism()} cores, Node ${process.version}`);
console.log(
  `load:    ${fmt(loadStart)} at the start, ${fmt(loadEnd)} at the end (1-minute average)`,
);
console.log(
  `method:  ingest + toYaml in-process, one doc set per group; median of ${ROUNDS} interleaved rounds ` +
    `after warm-up; 1× timed as 10 runs back to back (equal work to one 10× run)`,
);
for (const a of absent) console.log(`absent:  ${a} (its group is left out)`);
console.log("");
console.log(
  "Per group: median seconds per run (wall-clock, and CPU in brackets), pages/s and MB/s from " +
    "wall-clock time (CPU time in brackets), and the 10×/1× time ratio (wall; CPU).",
);
console.log("");
console.log(
  "| group: rendering | pages | MB | operations | components | 1× seconds | 1× pages/s | 1× MB/s | 10× seconds | 10× pages/s | 10× MB/s | 10× time ÷ 1× |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
const growth = new Map<string, [number, number]>();
const speed = new Map<string, [number, number]>();
const both = (xs: readonly Sample[]): [number, number] => [
  median(xs.map((x) => x.wall)) / 1000,
  median(xs.map((x) => x.cpu)) / 1000,
];
for (const g of names) {
  const [one, ten] = corpora.get(g)!;
  const [s1, s10] = samples.get(g)!;
  const [w1, c1] = both(s1);
  const [w10, c10] = both(s10);
  const mb = bytesOf(one!) / 1e6;
  const { ops, comps } = shapes.get(g)!;
  growth.set(g, [w10 / w1, c10 / c1]);
  speed.set(g, [mb / w1, mb / c1]);
  const n1 = one!.length;
  const n10 = ten!.length;
  console.log(
    `| ${g} | ${n1} | ${fmt(mb)} | ${ops[0]} → ${ops[1]} | ${comps[0]} → ${comps[1]} | ` +
      `${fmt(w1, 4)} (${fmt(c1, 4)}) | ${int(n1 / w1)} (${int(n1 / c1)}) | ${fmt(mb / w1)} (${fmt(mb / c1)}) | ` +
      `${fmt(w10, 4)} (${fmt(c10, 4)}) | ${int(n10 / w10)} (${int(n10 / c10)}) | ${fmt((mb * 10) / w10)} (${fmt((mb * 10) / c10)}) | ` +
      `${fmt(w10 / w1, 1)}; ${fmt(c10 / c1, 1)} |`,
  );
}
if (adocPages.length) {
  const mb = bytesOf(adocPages) / 1e6;
  const [ow, oc] = both(samples.get("corpus: adoc")![0]);
  const [tw, tc] = both(reference);
  console.log("");
  console.log(
    "Reference, the same AsciiDoc pages at 1× (median seconds per pass over them, wall-clock; CPU in brackets):",
  );
  console.log("");
  console.log("| reader | seconds | pages/s | MB/s | time ÷ ours |");
  console.log("|---|---:|---:|---:|---:|");
  const n = adocPages.length;
  console.log(
    `| ours: ingest + toYaml | ${fmt(ow, 4)} (${fmt(oc, 4)}) | ${int(n / ow)} (${int(n / oc)}) | ${fmt(mb / ow)} (${fmt(mb / oc)}) | 1.0 |`,
  );
  console.log(
    `| Asciidoctor.js load (parse only) | ${fmt(tw, 4)} (${fmt(tc, 4)}) | ${int(n / tw)} (${int(n / tc)}) | ${fmt(mb / tw)} (${fmt(mb / tc)}) | ${fmt(tw / ow, 1)} (${fmt(tc / oc, 1)}) |`,
  );
  const st = {
    read: median(stageSamples.map((s) => s.read)) / 1000,
    rest: median(stageSamples.map((s) => s.rest)) / 1000,
    yaml: median(stageSamples.map((s) => s.yaml)) / 1000,
  };
  console.log("");
  console.log("Stages of the AsciiDoc group at 1× (median wall-clock seconds of single runs):");
  console.log("");
  console.log("| readPage of every page | rest of ingest (reconcile, emit) | toYaml |");
  console.log("|---:|---:|---:|");
  console.log(`| ${fmt(st.read, 4)} | ${fmt(st.rest, 4)} | ${fmt(st.yaml, 4)} |`);
}

console.log("");
const adocSpeed = speed.get("corpus: adoc");
const verdict = (ok: boolean): string => (ok ? "met" : "MISSED");
if (adocSpeed !== undefined)
  console.log(
    `target AsciiDoc >= ${TARGET_MB_S} MB/s at 1×: wall-clock ${verdict(adocSpeed[0] >= TARGET_MB_S)} ` +
      `(${fmt(adocSpeed[0])} MB/s), per CPU-second ${verdict(adocSpeed[1] >= TARGET_MB_S)} (${fmt(adocSpeed[1])} MB/s)`,
  );
for (const g of names) {
  const [w, c] = growth.get(g)!;
  console.log(
    `target 10× in <= ${TARGET_GROWTH}× the time, ${g}: wall ${verdict(w <= TARGET_GROWTH)} (${fmt(w, 1)}×), ` +
      `CPU ${verdict(c <= TARGET_GROWTH)} (${fmt(c, 1)}×)`,
  );
  const { ops } = shapes.get(g)!;
  if (ops[1] !== ops[0]! * 10)
    console.log(
      `warning: ${g} 10× gave ${ops[1]} operations, expected ${ops[0]! * 10} (copies merged?)`,
    );
}
