// `@ontap-rest/types`: what is common to every doc set. Each doc set's own types are its own
// entry point, `@ontap-rest/types/<docset>` (src/generated/<docset>.ts).
export type { DocSet, DocSets } from "./generated/index.js";
export { docsets } from "./generated/index.js";
