import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { diffSpecs } from "./diff-specs.js";
import { formatDiff } from "./format-diff.js";
import { loadSpec, SpecLoadError } from "./load-spec.js";

const USAGE = "usage: ontap-rest-diff <old.openapi.yaml> <new.openapi.yaml> [--json]";

/**
 * Exit codes: 0 the diff was printed (breaking changes included: the bump in the output says
 * what they call for, and CI decides what to do with it), 2 bad usage or an unusable input.
 */
export function main(
  argv: readonly string[],
  cwd = process.cwd(),
  stderr: (text: string) => unknown = (text) => process.stderr.write(text),
  stdout: (text: string) => unknown = (text) => process.stdout.write(text),
): number {
  let values: { json?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      options: { json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
    }));
  } catch (e) {
    stderr(`ontap-rest-diff: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    stdout(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 2) {
    stderr(`ontap-rest-diff: expected two files, got ${positionals.length}\n${USAGE}\n`);
    return 2;
  }
  let docs: unknown[];
  try {
    docs = positionals.map((file) => loadSpec(resolve(cwd, file)));
  } catch (e) {
    if (!(e instanceof SpecLoadError)) throw e;
    // Name the file as the user wrote it, not as resolved.
    const shown = positionals.find((f) => e.message.startsWith(`${resolve(cwd, f)}:`));
    const message = shown ? e.message.replace(resolve(cwd, shown), shown) : e.message;
    stderr(`ontap-rest-diff: ${message}\n`);
    return 2;
  }
  const result = diffSpecs(docs[0], docs[1]);
  stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : formatDiff(result));
  return 0;
}
