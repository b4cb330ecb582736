// `@ontap-rest/openapi`: the doc sets and the path of each one's spec file. The files
// themselves are also entry points: `@ontap-rest/openapi/ontap-<docset>.openapi.{yaml,json}`.
export type { DocSet, SpecFormat } from "./generated/index.js";
export { docsets, specPath } from "./generated/index.js";
