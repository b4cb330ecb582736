// The scale run of `pnpm bench:scale` at a test's size: NetApp's AsciiDoc pages grown by
// renamed copies (bench/lib/scale-corpus.ts) to 300 operations and more than 1,000 error
// codes, through the pipeline a downstream team runs (ontap-rest-ingest, ontap-rest-codegen,
// tsc, a consumer calling 20 operations through createOntapClient against 127.0.0.1). It
// asserts correctness, not speed: every operation of the spec is typed in `paths`, every
// documented code is one catalog entry (however many operations document it), the catalog is
// JSON text past 256 codes and type-checks without TS2589/TS2590, the types module is a
// declaration file, and the consumer runs.
// Needs the packages built (`pnpm generate`); skips when the corpus folder is absent.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseSpec } from "../../packages/codegen/src/lib/read-specs.js";
import { CORPUS_DIR, readOriginals, scaleCorpus } from "../../bench/lib/scale-corpus.js";
import {
  CODEGEN_BIN,
  consumerProgram,
  INGEST_BIN,
  makeProject,
  ok,
  pickCalls,
  runNode,
  TSC,
  writeCorpus,
} from "../../bench/lib/scale-project.js";

const OPERATIONS = 300;
const DOCSET = "scale";
const originals = readOriginals();
const STEP_MS = 120_000;

interface Spec {
  paths: Record<string, Record<string, unknown>>;
}
interface ErrorCodes {
  responses?: { default?: { "x-ntap-error-codes"?: { code: string }[] } };
}

describe.skipIf(!originals)("the scale corpus through the pipeline", () => {
  const tmp = mkdtempSync(join(tmpdir(), "ontap-rest-scale-test-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it(
    `${OPERATIONS} operations: every operation typed, every code one catalog entry, the consumer runs`,
    () => {
      const pages = scaleCorpus(originals!, OPERATIONS);
      makeProject(tmp);
      const folders = writeCorpus(join(tmp, "pages"), pages);
      const spec = join("spec", `ontap-${DOCSET}.openapi.yaml`);
      // Exit 1 with a spec: pages the ingester reports and skips (as on the corpus itself).
      const ingest = runNode(
        [INGEST_BIN, "--docset", DOCSET, "--out", spec, ...folders],
        tmp,
        STEP_MS,
      );
      expect([0, 1], ingest.stderr.slice(-2000)).toContain(ingest.status);
      const document = parseSpec(readFileSync(join(tmp, spec), "utf8")) as Spec;

      const operations: string[] = [];
      // Code → how many operations document it (a page may list a code twice).
      const documenting = new Map<string, Set<string>>();
      for (const [path, item] of Object.entries(document.paths))
        for (const [method, op] of Object.entries(item)) {
          if (!/^(get|post|patch|delete|put)$/.test(method)) continue;
          operations.push(`${method} ${path}`);
          for (const { code } of (op as ErrorCodes).responses?.default?.["x-ntap-error-codes"] ??
            [])
            documenting.set(
              String(code),
              (documenting.get(String(code)) ?? new Set()).add(`${method} ${path}`),
            );
        }
      const codes = new Map([...documenting].map(([code, ops]) => [code, ops.size]));
      expect(operations).toHaveLength(OPERATIONS);
      // Copies r and r + GROUPS share their codes, so codes are documented several times.
      expect(codes.size).toBeGreaterThan(1_000);
      expect(Math.max(...codes.values())).toBeGreaterThan(1);

      const codegen = ok(
        "ontap-rest-codegen",
        runNode([CODEGEN_BIN, "--out", "src/generated"], tmp, STEP_MS),
      );
      expect(codegen.stdout).toContain(`${codes.size} error code(s)`);
      expect(codegen.stdout).toContain(`errors.ts, index.ts, introduced.ts, ${DOCSET}.d.ts`);

      // Every operation typed: `paths[path][method]` is an operation type, not `never`.
      const assertions = operations
        .map((op, i) => {
          const [method, path] = [op.slice(0, op.indexOf(" ")), op.slice(op.indexOf(" ") + 1)];
          const [m, p] = [JSON.stringify(method), JSON.stringify(path)];
          // …and its path is one the client accepts for its method (the module's list).
          return `type T${i} = Assert<IsOperation<paths[${p}][${m}]>>;\ntype L${i} = Assert<${p} extends PathsByMethod[${m}] ? true : false>;`;
        })
        .join("\n");
      writeFileSync(
        join(tmp, "src", "typed.ts"),
        `// Every operation of the spec is an operation type in paths (not never or undefined).
import type { paths, PathsByMethod } from "./generated/${DOCSET}.js";
import { catalog, errorEntries, type KnownCode } from "./generated/errors.js";
type IsOperation<T> = [T] extends [never] ? false : [T] extends [undefined] ? false : T extends { responses: object } ? true : false;
type Assert<T extends true> = T;
${assertions}
export const known: readonly KnownCode[] = catalog.map((e) => e.code);
export const runtime: readonly KnownCode[] = errorEntries.map((e) => e.code);
`,
      );
      const calls = pickCalls(document as Parameters<typeof pickCalls>[0], 20);
      const firstCode = codes.keys().next().value!;
      writeFileSync(join(tmp, "src", "consumer.ts"), consumerProgram(DOCSET, calls, firstCode));
      const build = runNode([TSC, "-p", "tsconfig.json"], tmp, STEP_MS);
      const output = build.stdout + build.stderr;
      expect(output).not.toMatch(/TS2589|TS2590/);
      expect(build.status, output.slice(0, 4000)).toBe(0);

      // Every code one catalog entry, with every operation that documents it.
      const errorsText = readFileSync(join(tmp, "src/generated/errors.ts"), "utf8");
      // Past 256 codes, the tables are JSON text (nothing for a user's tsc to check).
      expect(errorsText).toContain(
        "export const catalog: readonly CatalogEntry<KnownCode>[] = /* @__PURE__ */ JSON.parse(`[\n",
      );
      const run = ok(
        "catalog",
        runNode(
          [
            "--input-type=module",
            "-e",
            `import { catalog, errorEntries } from "./out/generated/errors.js";
console.log(JSON.stringify({ codes: catalog.map((e) => [e.code, e.documentedIn.length]), entries: errorEntries.length }));`,
          ],
          tmp,
          STEP_MS,
        ),
      );
      const fromCatalog = JSON.parse(run.stdout) as { codes: [string, number][]; entries: number };
      expect(new Map(fromCatalog.codes)).toEqual(codes);
      expect(fromCatalog.entries).toBe(codes.size);

      const consumer = ok("consumer", runNode([join("out", "consumer.js")], tmp, STEP_MS));
      expect(consumer.stdout).toContain(`consumer: ${calls.length} calls ok`);
    },
    4 * STEP_MS,
  );
});

if (!originals) console.log(`scale test skipped: no ${CORPUS_DIR} (NetApp's AsciiDoc pages)`);
