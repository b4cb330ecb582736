// Generates `@ontap-rest/errors`' modules from every doc set's spec, into
// `packages/errors/src/generated/`: `catalog.ts` (the `@ontap-rest/errors/catalog` entry
// point) and `descriptions.ts` (the runtime's code → description and name tables).
//
//   tsx scripts/generate/errors.ts     (what `pnpm generate` runs in packages/errors)
//
// The work is in @ontap-rest/codegen (packages/codegen/src/errors/), the generator
// downstream teams run on their own specs.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateErrors } from "../../packages/codegen/src/errors/generate-errors.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const outDir = join(root, "packages/errors/src/generated");
const { files, docsets, codes } = generateErrors({ root, outDir });
console.log(
  `errors: ${codes} codes from ${docsets.join(", ")} -> packages/errors/src/generated/{${files.join(",")}}`,
);
