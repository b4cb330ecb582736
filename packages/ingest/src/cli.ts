import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { Diagnostics, formatDiagnostic } from "./diagnostics.js";
import { ingest } from "./ingest.js";
import { readSources } from "./read/read-sources.js";
import { toJson, toYaml } from "./serialize.js";

const USAGE =
  "usage: ontap-rest-ingest --docset <id> [--out <file.yaml|file.json>] [--strict] <file|dir>...";

/** Exit codes: 0 spec written, 1 some input unusable (or a warning under --strict), 2 bad usage. */
export function main(
  argv: readonly string[],
  cwd = process.cwd(),
  stderr: (text: string) => unknown = (text) => process.stderr.write(text),
  stdout: (text: string) => unknown = (text) => process.stdout.write(text),
): number {
  let values: { docset?: string; out?: string; strict?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      options: {
        docset: { type: "string" },
        out: { type: "string" },
        strict: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: true,
    }));
  } catch (e) {
    stderr(`ontap-rest-ingest: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    stdout(`${USAGE}\n`);
    return 0;
  }
  const problem = !values.docset
    ? "--docset is required"
    : positionals.length === 0
      ? "no input page or folder given"
      : values.out && !/\.(ya?ml|json)$/i.test(values.out)
        ? "--out must end in .yaml, .yml or .json"
        : undefined;
  if (problem) {
    stderr(`ontap-rest-ingest: ${problem}\n${USAGE}\n`);
    return 2;
  }

  const reading = new Diagnostics();
  const pages = readSources(positionals, reading, cwd);
  const { document, diagnostics } = ingest(pages, { docset: values.docset! });
  const all = [...reading.items, ...diagnostics];
  for (const d of all) stderr(`${formatDiagnostic(d)}\n`);

  const text =
    values.out && /\.json$/i.test(values.out)
      ? toJson(document)
      : values.out
        ? toYaml(document)
        : toJson(document);
  if (values.out) {
    const target = resolve(cwd, values.out);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  } else stdout(text);

  const failed =
    all.some((d) => d.severity === "error") || (values.strict === true && all.length > 0);
  return failed ? 1 : 0;
}
