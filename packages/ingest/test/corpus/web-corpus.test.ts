/**
 * NetApp's saved web pages (../shared/ontap-docs/corpus/web, beside the repository; never
 * copied into it), each ingested alone in a child process that a page cannot hang:
 * - 0 crashes and 0 hangs over every page;
 * - every operation page gives its operation (method and path, `/api` aside) with at least
 *   90 % of the parameters its table shows, counted from the page's text by a tokenizer of its
 *   own (not the ingester's code);
 * - rendering invariance: where one release's operation is saved in two renderings (text and
 *   pipe), every parameter both pages print whole (name, type and in) comes out the same.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { ROOT } from "../helpers.js";
import { printedParameters, readIndex } from "./corpus-pages.js";
import { WorkerRunner } from "./worker-runner.js";
import type { PageResult } from "./web-corpus-worker.js";

const CORPUS = join(ROOT, "../shared/ontap-docs/corpus/web");
const PRESENT = existsSync(join(CORPUS, "INDEX.tsv"));
const WORKER = fileURLToPath(new URL("./web-corpus-worker.ts", import.meta.url));
/** A page is a few KB: ingesting one takes milliseconds. Generous for a loaded 2-core machine. */
const PAGE_MS = 15_000;
/** The first page also waits for the child to start and load the ingester: 30 s in all. */
const START_MS = 15_000;

interface IndexRow {
  file: string;
  release: string;
  method: string;
  path: string;
  rendering: string;
  cutOff: boolean;
}

function indexRows(): IndexRow[] {
  return readIndex(join(CORPUS, "INDEX.tsv")).map((r) => ({
    file: r.file ?? "",
    release: r.release ?? "",
    method: r.method ?? "",
    path: r.path ?? "",
    rendering: r.rendering ?? "",
    cutOff: r.cut_off !== "no",
  }));
}

const withoutApi = (path: string): string => path.replace(/^\/api(?=\/)/, "");

describe.skipIf(!PRESENT)(
  PRESENT ? "the web corpus, every page alone" : `web corpus skipped: ${CORPUS} is absent`,
  () => {
    const rows = PRESENT ? indexRows().filter((r) => existsSync(join(CORPUS, r.file))) : [];
    const results = new Map<string, PageResult>();
    const failures: string[] = [];

    beforeAll(async () => {
      const runner = new WorkerRunner<string, PageResult>(WORKER, PAGE_MS, START_MS);
      const started = performance.now();
      try {
        for (const row of rows) {
          const result = await runner.run(join(CORPUS, row.file));
          if (result === "hang") failures.push(`${row.file}: hang (no result in ${PAGE_MS} ms)`);
          else if (result === "exit") failures.push(`${row.file}: the ingesting process died`);
          else if (result.crash) failures.push(`${row.file}: threw ${result.crash}`);
          else results.set(row.file, result);
        }
      } finally {
        runner.stop();
      }
      const ms = performance.now() - started;
      console.log(`web corpus: ${rows.length} pages ingested one by one in ${ms.toFixed(0)} ms`);
    }, 300_000);

    test("has pages", () => expect(rows.length).toBeGreaterThan(0));

    test("no page crashes or hangs", () => expect(failures).toEqual([]));

    test("every operation page has its operation with >= 90 % of its table's parameters", () => {
      const problems: string[] = [];
      let pages = 0;
      for (const row of rows) {
        if (!/^[A-Z]+$/.test(row.method) || !row.path.startsWith("/")) continue;
        const result = results.get(row.file);
        if (!result) continue; // counted by the crash test
        pages++;
        const op = result.operations.find(
          (o) => o.method === row.method && withoutApi(o.path) === withoutApi(row.path),
        );
        if (!op) {
          const have = result.operations.map((o) => `${o.method} ${o.path}`).join(", ");
          problems.push(`${row.file}: no ${row.method} ${row.path} (has ${have || "nothing"})`);
          continue;
        }
        const want = printedParameters(readFileSync(join(CORPUS, row.file), "utf8"));
        const missing = want.filter(
          (w) => !op.parameters.some((p) => p.name === w.name && p.in === w.in),
        );
        if (want.length && want.length - missing.length < 0.9 * want.length)
          problems.push(
            `${row.file}: ${want.length - missing.length}/${want.length} parameters, missing ${missing
              .slice(0, 3)
              .map((m) => `${m.name} (${m.in})`)
              .join(", ")}`,
          );
      }
      expect(pages).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    });

    test("text and pipe renderings of one operation give the same parameters", () => {
      const byOperation = new Map<string, IndexRow[]>();
      for (const row of rows) {
        if (!/^[A-Z]+$/.test(row.method)) continue;
        const key = `${row.release} ${row.method} ${withoutApi(row.path)}`;
        byOperation.set(key, [...(byOperation.get(key) ?? []), row]);
      }
      const problems: string[] = [];
      let pairs = 0;
      let compared = 0;
      for (const [key, pages] of byOperation) {
        const text = pages.filter((p) => p.rendering === "text");
        const pipe = pages.filter((p) => p.rendering === "pipe");
        for (const a of text)
          for (const b of pipe) {
            pairs++;
            const printedA = printedParameters(readFileSync(join(CORPUS, a.file), "utf8"));
            const printedB = printedParameters(readFileSync(join(CORPUS, b.file), "utf8"));
            const both = printedA.filter((p) =>
              printedB.some((q) => q.name === p.name && q.in === p.in),
            );
            const [method, path] = key.split(" ").slice(1);
            const params = (row: IndexRow) =>
              results
                .get(row.file)
                ?.operations.find((o) => o.method === method && withoutApi(o.path) === path)
                ?.parameters ?? [];
            const fromA = params(a);
            const fromB = params(b);
            for (const p of both) {
              compared++;
              const x = fromA.find((q) => q.name === p.name && q.in === p.in);
              const y = fromB.find((q) => q.name === p.name && q.in === p.in);
              if (!x || !y || x.type !== y.type)
                problems.push(
                  `${key} ${p.name} (${p.in}): ${a.file} gives ${x ? x.type : "nothing"}, ${b.file} gives ${y ? y.type : "nothing"}`,
                );
            }
          }
      }
      console.log(
        `web corpus: ${pairs} text/pipe pairs, ${compared} parameters printed whole on both`,
      );
      expect(pairs).toBeGreaterThan(0);
      expect(compared).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    });
  },
);
