// Generates `@ontap-rest/errors`' catalog, `packages/errors/src/generated/catalog.ts`, from
// every doc set's spec.
//
//   tsx scripts/generate/errors.ts     (what `pnpm generate` runs in packages/errors)
//
// The work is in @ontap-rest/codegen (packages/codegen/src/errors/), the generator
// downstream teams run on their own specs.
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { generateErrors } from "../../packages/codegen/src/errors/generate-errors.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const { file, docsets, codes } = generateErrors(root, join(root, "packages/errors/src/generated"));
console.log(`errors: ${codes} codes from ${docsets.join(", ")} -> ${relative(root, file)}`);
