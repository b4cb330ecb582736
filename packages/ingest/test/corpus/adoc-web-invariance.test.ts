/**
 * Rendering invariance between NetApp's AsciiDoc source and its web pages: the web corpus
 * (../shared/ontap-docs/corpus/web) holds pages of the latest release for operations the
 * AsciiDoc corpus also has. Each page is ingested alone; for every such pair (found from the
 * two INDEX.tsv files), every parameter the web page prints whole (name, type and in: web
 * pages are cut off near 2,000 characters) must come out of both the same: same name, same
 * `in`, same type.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ROOT } from "../helpers.js";
import type { IngestReply } from "./adoc-corpus-worker.js";
import { printedParameters, readIndex } from "./corpus-pages.js";
import { IngestRunner } from "./worker-runner.js";

const CORPUS = join(ROOT, "../shared/ontap-docs/corpus");
const PRESENT =
  existsSync(join(CORPUS, "adoc/INDEX.tsv")) && existsSync(join(CORPUS, "web/INDEX.tsv"));
const PAGE_MS = 15_000;
/** The release column of the web pages that are the current docs, as the AsciiDoc source is. */
const LATEST = "latest";

type Json = Record<string, any>;

/** `string`, `array[string]`, or the name of the component a `$ref` points at. */
function typeOf(schema: Json | undefined): string {
  if (!schema) return "";
  if (typeof schema.$ref === "string") return schema.$ref.replace(/^#\/components\/schemas\//, "");
  if (schema.type === "array") return `array[${typeOf(schema.items)}]`;
  return Array.isArray(schema.type) ? schema.type.join("|") : String(schema.type ?? "");
}

const withoutApi = (p: string): string => p.replace(/^\/api(?=\/)/, "");

/** The operation's parameters as `name in` → type, or undefined without the operation. */
function parameters(
  reply: IngestReply,
  method: string,
  path: string,
): Map<string, string> | undefined {
  for (const [p, item] of Object.entries((reply.document?.paths ?? {}) as Json)) {
    if (withoutApi(p) !== withoutApi(path)) continue;
    const op = item[method.toLowerCase()];
    if (!op) continue;
    const out = new Map<string, string>();
    for (const x of [...(item.parameters ?? []), ...(op.parameters ?? [])] as Json[])
      out.set(`${x.name} ${x.in}`, typeOf(x.schema));
    return out;
  }
  return undefined;
}

describe.skipIf(!PRESENT)(
  PRESENT
    ? "the same operation in AsciiDoc and on the web gives the same parameters"
    : `AsciiDoc/web invariance skipped: ${CORPUS}/adoc or /web is absent`,
  () => {
    const adoc = PRESENT
      ? readIndex(join(CORPUS, "adoc/INDEX.tsv")).filter((r) =>
          existsSync(join(CORPUS, "adoc", r.file!)),
        )
      : [];
    const web = PRESENT
      ? readIndex(join(CORPUS, "web/INDEX.tsv")).filter(
          (r) => r.release === LATEST && existsSync(join(CORPUS, "web", r.file!)),
        )
      : [];
    const pairs = web.flatMap((w) =>
      adoc
        .filter((a) => a.method === w.method && withoutApi(a.api_path!) === withoutApi(w.path!))
        .map((a) => ({ adoc: a, web: w })),
    );
    const runner = new IngestRunner(PAGE_MS);
    const replies = new Map<string, IngestReply | string>();
    afterAll(() => runner.stop());

    beforeAll(async () => {
      const files = new Set(pairs.flatMap((p) => [`adoc/${p.adoc.file}`, `web/${p.web.file}`]));
      for (const file of files) {
        const reply = await runner.run({ files: [join(CORPUS, file)] });
        replies.set(file, typeof reply === "string" ? reply : (reply.crash ?? reply));
      }
    }, 300_000);

    test("the two corpora share operations", () => {
      expect(pairs.length).toBeGreaterThan(0);
    });

    test("every parameter the web page prints whole: same name, in and type from both", () => {
      const problems: string[] = [];
      let compared = 0;
      for (const pair of pairs) {
        const a = replies.get(`adoc/${pair.adoc.file}`);
        const w = replies.get(`web/${pair.web.file}`);
        const what = `${pair.web.method} ${pair.web.path} (${pair.adoc.file} / ${pair.web.file})`;
        if (typeof a !== "object" || typeof w !== "object") {
          problems.push(
            `${what}: ${typeof a === "object" ? "" : `adoc ${a} `}${typeof w === "object" ? "" : `web ${w}`}`,
          );
          continue;
        }
        const fromAdoc = parameters(a, pair.adoc.method!, pair.adoc.api_path!);
        const fromWeb = parameters(w, pair.web.method!, pair.web.path!);
        if (!fromAdoc || !fromWeb) {
          problems.push(`${what}: no operation from the ${fromAdoc ? "web" : "AsciiDoc"} page`);
          continue;
        }
        const printed = printedParameters(
          readFileSync(join(CORPUS, "web", pair.web.file!), "utf8"),
        );
        if (printed.length === 0) problems.push(`${what}: the web page prints no parameter whole`);
        for (const p of printed) {
          compared++;
          const key = `${p.name} ${p.in}`;
          const x = fromAdoc.get(key);
          const y = fromWeb.get(key);
          if (x === undefined || y === undefined || x !== y)
            problems.push(
              `${what}: ${key}: AsciiDoc gives ${x ?? "nothing"}, web gives ${y ?? "nothing"}`,
            );
        }
      }
      console.log(
        `adoc/web invariance: ${pairs.length} pairs, ${compared} parameters printed whole on the web page`,
      );
      expect(problems).toEqual([]);
      expect(compared).toBeGreaterThan(0);
    });
  },
);
