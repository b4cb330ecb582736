/**
 * One stage of the pipeline in a process of its own, so `pnpm bench:scale` reads each
 * stage's peak memory apart (GNU time's maximum RSS of this process). Run by scale.bench.ts:
 *
 *   node --import tsx bench/lib/scale-stage.ts <stage> <project> [page folders…]
 *
 * Prints one JSON line of seconds per step: `ingest` (read the pages, ingest; then
 * `write`: the spec as YAML to spec/ontap-scale.openapi.yaml), `read` (parse the spec),
 * `openapi-typescript` (its types of the spec, alone), `types` (the `<docset>.ts` module:
 * openapi-typescript, aliases, printing), `errors` (the error catalog module) and
 * `introduced` (the version table), each of the last three after `read`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  buildErrors,
  buildIntroducedModule,
  buildTypes,
} from "../../packages/codegen/src/index.js";
import { readSpecs } from "../../packages/codegen/src/lib/read-specs.js";
import { openapiTypes } from "../../packages/codegen/src/types/openapi-types.js";
import { Diagnostics, ingest, readSources, toYaml } from "../../packages/ingest/src/index.js";

export const DOCSET = "scale";
const [stage, project, ...folders] = process.argv.slice(2);
if (!stage || !project) throw new Error("usage: scale-stage.ts <stage> <project> [folders…]");
const spec = join(project, "spec", `ontap-${DOCSET}.openapi.yaml`);
const seconds: Record<string, number> = {};
const time = async <T>(name: string, f: () => T | Promise<T>): Promise<T> => {
  const t = performance.now();
  const result = await f();
  seconds[name] = (performance.now() - t) / 1000;
  return result;
};
const generator = "bench/lib/scale-stage.ts";

if (stage === "ingest") {
  const { document } = await time("ingest", () =>
    ingest(readSources(folders, new Diagnostics(), project), { docset: DOCSET }),
  );
  await time("write", () => {
    mkdirSync(join(project, "spec"), { recursive: true });
    writeFileSync(spec, toYaml(document));
  });
} else if (stage === "openapi-typescript") {
  await time(stage, () => openapiTypes(spec));
} else {
  const specs = await time("read", () => readSpecs(project));
  if (stage === "types")
    await time(stage, () => buildTypes({ root: project, generator, index: "augment", specs }));
  else if (stage === "errors")
    await time(stage, () => buildErrors({ root: project, generator, module: "downstream", specs }));
  else if (stage === "introduced")
    await time(stage, () => buildIntroducedModule(project, { generator, specs }));
  else if (stage !== "read") throw new Error(`unknown stage ${stage}`);
}
console.log(JSON.stringify(seconds));
// Without GNU time, the parent reads this.
process.stderr.write(`peak-rss ${process.resourceUsage().maxRSS}\n`);
