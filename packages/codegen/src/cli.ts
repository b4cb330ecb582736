import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { generateAll } from "./generate-all.js";
import { UsageError } from "./lib/usage-error.js";

const USAGE = "usage: ontap-rest-codegen [--root <dir>] --out <dir named generated>";

/**
 * Exit codes: 0 written, 1 a spec could not be turned into code, 2 bad usage (the options, or
 * the folders they name: `--out` not named `generated`, no spec under `--root`).
 */
export async function main(
  argv: readonly string[],
  cwd = process.cwd(),
  stderr: (text: string) => unknown = (text) => process.stderr.write(text),
  stdout: (text: string) => unknown = (text) => process.stdout.write(text),
): Promise<number> {
  let values: { root?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        root: { type: "string" },
        out: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (e) {
    stderr(`ontap-rest-codegen: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    stdout(`${USAGE}\n`);
    return 0;
  }
  if (values.out === undefined) {
    stderr(`ontap-rest-codegen: --out is required\n${USAGE}\n`);
    return 2;
  }
  try {
    const result = await generateAll({
      root: resolve(cwd, values.root ?? "."),
      outDir: resolve(cwd, values.out),
    });
    stdout(
      `ontap-rest-codegen: ${result.docsets.length} doc set(s) (${result.docsets.join(", ")}), ${result.codes} error code(s) -> ${values.out}: ${result.files.join(", ")}\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      stderr(`ontap-rest-codegen: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    stderr(`ontap-rest-codegen: ${(e as Error).message}\n`);
    return 1;
  }
}
