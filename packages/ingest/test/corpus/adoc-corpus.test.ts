/**
 * NetApp's AsciiDoc source (../shared/ontap-docs/corpus/adoc, beside the repository; never
 * copied into it), ingested as a user would, in a child process that a page cannot hang:
 * (a) every page alone: 0 crashes, 0 hangs; every operation page gives its operation (method
 *     and path of its `[.api-doc-operation…]` line) and >= 95 % of the facts it states, and
 *     >= 99 % of all facts overall. The facts are read from the text by adoc-facts.ts, not by
 *     the ingester's readers;
 * (b) each family (pages grouped by the first two segments of INDEX.tsv's api_path) together:
 *     a spec without error diagnostics, holding every operation of the family;
 * (c) the whole folder as one doc set: `redocly lint` with the repository's redocly.yaml gives
 *     0 errors, and the types openapi-typescript generates from it compile (`tsc --noEmit`).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ROOT } from "../helpers.js";
import { type PageFacts, pageFacts, scoreFacts } from "./adoc-facts.js";
import type { IngestReply } from "./adoc-corpus-worker.js";
import { readIndex } from "./corpus-pages.js";
import { IngestRunner } from "./worker-runner.js";

const CORPUS = join(ROOT, "../shared/ontap-docs/corpus/adoc");
const PRESENT = existsSync(join(CORPUS, "INDEX.tsv"));
/** A page is a few to a hundred KB: ingesting one takes milliseconds. Generous under load. */
const PAGE_MS = 15_000;
/** A family or the whole folder: a few hundred ms alone. */
const SET_MS = 60_000;
const PAGE_SHARE = 0.95;
const OVERALL_SHARE = 0.99;

interface IndexRow {
  file: string;
  method: string;
  apiPath: string;
}

function indexRows(): IndexRow[] {
  return readIndex(join(CORPUS, "INDEX.tsv")).map((r) => ({
    file: r.file ?? "",
    method: r.method ?? "",
    apiPath: r.api_path ?? "",
  }));
}

const errorsOf = (reply: IngestReply): string[] =>
  reply.diagnostics
    .filter((d) => d.severity === "error")
    .map((d) => `${d.file}:${d.line}: ${d.message}`);

describe.skipIf(!PRESENT)(
  PRESENT ? "the AsciiDoc corpus" : `AsciiDoc corpus skipped: ${CORPUS} is absent`,
  () => {
    const files = PRESENT ? readdirSync(CORPUS).filter((f) => f.endsWith(".adoc")) : [];
    files.sort();
    const runner = new IngestRunner(PAGE_MS);
    const setRunner = new IngestRunner(SET_MS);
    afterAll(() => {
      runner.stop();
      setRunner.stop();
    });

    describe("(a) every page alone", () => {
      const replies = new Map<string, IngestReply>();
      const failures: string[] = [];
      beforeAll(async () => {
        const started = performance.now();
        for (const file of files) {
          const reply = await runner.run({ files: [join(CORPUS, file)] });
          if (reply === "hang") failures.push(`${file}: hang (no result in ${PAGE_MS} ms)`);
          else if (reply === "exit") failures.push(`${file}: the ingesting process died`);
          else if (reply.crash) failures.push(`${file}: threw ${reply.crash}`);
          else replies.set(file, reply);
        }
        const ms = performance.now() - started;
        console.log(
          `adoc corpus: ${files.length} pages ingested one by one in ${ms.toFixed(0)} ms`,
        );
      }, 600_000);

      test("has pages", () => expect(files.length).toBeGreaterThan(0));

      test("no page crashes or hangs", () => expect(failures).toEqual([]));

      test(`every operation page has its operation and >= ${PAGE_SHARE * 100} % of its facts, >= ${OVERALL_SHARE * 100} % overall`, () => {
        const problems: string[] = [];
        let pages = 0;
        let held = 0;
        let count = 0;
        for (const file of files) {
          const facts: PageFacts = pageFacts(readFileSync(join(CORPUS, file), "utf8"));
          const reply = replies.get(file);
          if (!facts.method || !reply?.document) continue; // overviews; crashes counted above
          pages++;
          const scored = scoreFacts(facts, reply.document);
          const h = scored.filter((f) => f.held).length;
          held += h;
          count += scored.length;
          if (!scored[0]!.held)
            problems.push(`${file}: no ${facts.method} ${facts.path} in the spec`);
          else if (h < PAGE_SHARE * scored.length)
            problems.push(
              `${file}: ${h}/${scored.length} facts, missing ${scored
                .filter((f) => !f.held)
                .slice(0, 4)
                .map((f) => f.name)
                .join("; ")}`,
            );
        }
        console.log(
          `adoc corpus: ${pages - problems.length}/${pages} operation pages right, ` +
            `${held}/${count} facts (${((100 * held) / Math.max(1, count)).toFixed(1)} %)`,
        );
        expect(pages).toBeGreaterThan(0);
        expect(problems).toEqual([]);
        expect(held).toBeGreaterThanOrEqual(OVERALL_SHARE * count);
      });
    });

    test("(b) each family together: a spec without error diagnostics, with every operation", async () => {
      const rows = indexRows().filter((r) => existsSync(join(CORPUS, r.file)));
      const families = new Map<string, IndexRow[]>();
      for (const row of rows) {
        const family = row.apiPath.split("/").filter(Boolean).slice(0, 2).join("/");
        families.set(family, [...(families.get(family) ?? []), row]);
      }
      const problems: string[] = [];
      for (const [family, members] of families) {
        const reply = await setRunner.run({ files: members.map((m) => join(CORPUS, m.file)) });
        if (typeof reply === "string" || reply.crash) {
          problems.push(`${family}: ${typeof reply === "string" ? reply : reply.crash}`);
          continue;
        }
        problems.push(...errorsOf(reply).map((e) => `${family}: ${e}`));
        const paths = (reply.document?.paths ?? {}) as Record<string, Record<string, unknown>>;
        for (const m of members)
          if (/^[A-Z]+$/.test(m.method) && !paths[m.apiPath]?.[m.method.toLowerCase()])
            problems.push(`${family}: no ${m.method} ${m.apiPath} (${m.file})`);
      }
      console.log(`adoc corpus: ${families.size} families ingested one by one`);
      expect(families.size).toBeGreaterThan(1);
      expect(problems).toEqual([]);
    }, 300_000);

    describe("(c) the whole folder as one doc set", () => {
      let dir = "";
      let spec = "";
      let reply: IngestReply | "hang" | "exit" = "exit";
      beforeAll(async () => {
        dir = mkdtempSync(join(tmpdir(), "adoc-corpus-"));
        spec = join(dir, "corpus.openapi.yaml");
        reply = await setRunner.run({ files: files.map((f) => join(CORPUS, f)), out: spec });
      }, 120_000);
      afterAll(() => {
        if (dir) rmSync(dir, { recursive: true, force: true });
      });

      test("ingests without crash or error diagnostics", () => {
        expect(typeof reply === "string" ? reply : (reply.crash ?? "")).toBe("");
        expect(typeof reply === "string" ? [] : errorsOf(reply)).toEqual([]);
      });

      test("redocly lint: 0 errors", () => {
        const lint = spawnSync(
          join(ROOT, "node_modules/.bin/redocly"),
          ["lint", "--config", join(ROOT, "redocly.yaml"), "--format", "stylish", spec],
          { cwd: ROOT, encoding: "utf8", timeout: 120_000 },
        );
        const out = `${lint.stdout}\n${lint.stderr}`;
        const errors = out.split("\n").filter((l) => /\berror\b/.test(l) && !/0 errors?/.test(l));
        expect(errors.slice(0, 20)).toEqual([]);
        expect(lint.status, out.slice(-2000)).toBe(0);
      }, 150_000);

      test("openapi-typescript types of it compile", async () => {
        const types = astToString(await openapiTS(pathToFileURL(spec)));
        writeFileSync(join(dir, "corpus.d.ts"), types);
        // Use the roots, so that tsc checks every type they reach.
        writeFileSync(
          join(dir, "check.ts"),
          [
            'import type { components, operations, paths } from "./corpus.js";',
            "type Everything = [paths[keyof paths], components[keyof components], operations[keyof operations]];",
            "export const count: Everything['length'] = 3;",
            "",
          ].join("\n"),
        );
        const tsc = spawnSync(
          join(ROOT, "node_modules/.bin/tsc"),
          [
            "--noEmit",
            "--strict",
            "--module",
            "nodenext",
            "--moduleResolution",
            "nodenext",
            "--target",
            "es2022",
            join(dir, "check.ts"),
          ],
          { cwd: dir, encoding: "utf8", timeout: 120_000 },
        );
        expect(`${tsc.stdout}${tsc.stderr}`.slice(0, 3000)).toBe("");
        expect(tsc.status).toBe(0);
      }, 150_000);
    });
  },
);
