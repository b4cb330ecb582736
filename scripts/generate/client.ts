// Generates `@ontap-rest/client`'s version table, `packages/client/src/generated/introduced.ts`,
// from every doc set's spec.
//
//   tsx scripts/generate/client.ts     (what `pnpm generate` runs in packages/client)
//
// The work is in @ontap-rest/codegen (packages/codegen/src/introduced/), which downstream
// teams run on their own specs.
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { generateIntroduced } from "../../packages/codegen/src/introduced/generate-introduced.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const { file, docsets, operations } = generateIntroduced(
  root,
  join(root, "packages/client/src/generated"),
);
console.log(
  `client: ${operations} operations with a release, from ${docsets.join(", ")} -> ${relative(root, file)}`,
);
