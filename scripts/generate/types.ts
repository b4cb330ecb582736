// Generates `@ontap-rest/types`: `packages/types/src/generated/<docset>.ts` for every doc set
// that has a spec, and `packages/types/src/generated/index.ts`.
//
//   tsx scripts/generate/types.ts      (what `pnpm generate` runs in packages/types)
//
// The work is in @ontap-rest/codegen (packages/codegen/src/types/), a function of the folders,
// so tests can run it on a copy of the specs and downstream teams on their own.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateTypes } from "../../packages/codegen/src/types/generate-types.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const { docsets } = await generateTypes({
  root,
  outDir: join(root, "packages/types/src/generated"),
});
console.log(`@ontap-rest/types: ${docsets.join(", ")}`);
