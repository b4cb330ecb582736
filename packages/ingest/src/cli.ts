import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { Diagnostics, formatDiagnostic } from "./diagnostics.js";
import { ingest } from "./ingest.js";
import { applyOverlays } from "./overlay/apply-overlays.js";
import type { Overlay } from "./overlay/parse-overlay.js";
import { readOverlay } from "./overlay/read-overlay.js";
import { readSources } from "./read/read-sources.js";
import { toJson, toYaml } from "./serialize.js";

const USAGE =
  "usage: ontap-rest-ingest --docset <id> [--out <file.yaml|file.json>] [--overlay <file.yaml>]... [--strict] <file|dir>...";

const HELP = `${USAGE}

Reads ONTAP REST API reference pages (files, or folders of them) into one OpenAPI 3.1 document.

  --docset <id>       the doc set the pages belong to (9.9.1, latest): info.version
  --out <file>        write YAML (.yaml, .yml) or JSON (.json) there; JSON on stdout without it
  --overlay <file>    an OpenAPI Overlay 1.0 document applied after ingest; repeatable, applied
                      in the order given; skipped when its extends names another doc set
  --strict            exit 1 on warnings too
  -h, --help          this text

Diagnostics on stderr as file:line: error|warning: message. Exit 0: spec written. 1: some input
(page or overlay) could not be used, or an overlay action matched nothing (the spec is still
written, with everything that could be used), or a warning under --strict. 2: bad usage.
`;

/** Exit codes: 0 spec written, 1 some input unusable (or a warning under --strict), 2 bad usage. */
export function main(
  argv: readonly string[],
  cwd = process.cwd(),
  stderr: (text: string) => unknown = (text) => process.stderr.write(text),
  stdout: (text: string) => unknown = (text) => process.stdout.write(text),
): number {
  let values: {
    docset?: string;
    out?: string;
    overlay?: string[];
    strict?: boolean;
    help?: boolean;
  };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      options: {
        docset: { type: "string" },
        out: { type: "string" },
        overlay: { type: "string", multiple: true },
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
    stdout(HELP);
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
  const ingested = ingest(pages, { docset: values.docset! });
  const overlays: Overlay[] = [];
  const overlayDiagnostics = (values.overlay ?? []).flatMap((path) => {
    const { overlay, diagnostics } = readOverlay(path, cwd);
    if (overlay) overlays.push(overlay);
    return diagnostics;
  });
  const { document, diagnostics: applying } = applyOverlays(ingested.document, overlays, {
    docset: values.docset!,
  });
  const all = [...reading.items, ...ingested.diagnostics, ...overlayDiagnostics, ...applying];
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
