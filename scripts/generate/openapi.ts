// Generates `@ontap-rest/openapi`: `packages/openapi/generated/ontap-<docset>.openapi.{yaml,json}`
// and `packages/openapi/src/generated/index.ts`, for every doc set that has a spec.
//
//   tsx scripts/generate/openapi.ts      (what `pnpm generate` runs in packages/openapi)
//
// The work is in packages/codegen/src/openapi/, a function of the folders, so tests can run it
// on a copy of the specs.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateOpenapi } from "../../packages/codegen/src/openapi/generate-openapi.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const { docsets } = generateOpenapi({
  root,
  filesDir: join(root, "packages/openapi/generated"),
  moduleDir: join(root, "packages/openapi/src/generated"),
});
console.log(`@ontap-rest/openapi: ${docsets.join(", ")}`);
